// LogSink: where the http layer, identity/ and arm/ write diagnostic lines. The job-type layer forwards
// them to the host's log service. Lines are already redacted; the sink may be called from any thread.
//
// A sink can say which levels its reader wants (the host's "enabled?" check): a line nobody reads is then
// never built, redacted or formatted. That matters on the hot path: every request of every poll has a
// debug line.
#pragma once

#include <functional>
#include <string>
#include <type_traits>
#include <utility>

namespace aifoundry::http {

enum class LogLevel { Debug, Info, Warning, Error };

class LogSink {
 public:
  using Write = std::function<void(LogLevel, const std::string&)>;
  using Enabled = std::function<bool(LogLevel)>;

  LogSink() = default;
  // Any callable (LogLevel, const std::string&) is a sink that wants every level, as before.
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, LogSink> &&
                                              std::is_invocable_v<F&, LogLevel, const std::string&>>>
  LogSink(F&& write) : write_(std::forward<F>(write)) {}  // NOLINT: implicit on purpose
  LogSink(Write write, Enabled enabled) : write_(std::move(write)), enabled_(std::move(enabled)) {}

  explicit operator bool() const noexcept { return static_cast<bool>(write_); }
  // True when a line at `level` would be written: build it only then.
  bool enabled(LogLevel level) const { return write_ && (!enabled_ || enabled_(level)); }
  void operator()(LogLevel level, const std::string& text) const {
    if (enabled(level)) write_(level, text);
  }

 private:
  Write write_;
  Enabled enabled_;
};

// Calls `sink` with the redacted text when it wants `level`.
void log(const LogSink& sink, LogLevel level, const std::string& text);

}  // namespace aifoundry::http
