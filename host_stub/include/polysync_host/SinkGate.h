// What every host sink shares: it is open only while its callback runs, and it checks the plugin's arguments.
// A call after close() or with a malformed argument is a contract violation: logged, counted, ignored.
// Thread-safe: a plugin may call a sink from threads it joins before returning.
#pragma once

#include <polysync/jobtype_v1/base.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>

namespace polysync::host {

class Logger;

class SinkGate {
 public:
  SinkGate(Logger& logger, const char* sinkName) : logger_(logger), sinkName_(sinkName) {}

  // After the callback returned: every later call is refused.
  void close() { closed_.store(true); }

  // True when `function` may run now; otherwise records the violation.
  bool admit(const char* function);

  // Copies `len` bytes at `data` (at most `maxLen`). NULL with a nonzero length, or a longer text, is a
  // violation: nullopt (NULL) or the text cut at maxLen.
  std::optional<std::string> copy(const char* data, uint64_t len, const char* what, uint64_t maxLen);
  std::optional<std::string> copy(const psj_str& s, const char* what, uint64_t maxLen) {
    return copy(s.data, s.len, what, maxLen);
  }

  void violation(const std::string& what);
  Logger& logger() const { return logger_; }

  // Serialises the sink's state between the plugin's threads.
  std::mutex& mutex() { return mutex_; }

 private:
  Logger& logger_;
  const char* sinkName_;
  std::atomic<bool> closed_{false};
  std::mutex mutex_;
};

// Text limits: generous, but a plugin cannot make the host copy gigabytes.
constexpr uint64_t kMaxIdBytes = 1024;       // run ids (sinks.h), external ids
constexpr uint64_t kMaxTextBytes = 1 << 20;  // messages, descriptions, output values, URLs

}  // namespace polysync::host
