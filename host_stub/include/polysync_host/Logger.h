// The host's log: one line per message on stderr (never stdout, which carries the command's result).
// Thread-safe: plugins log from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace polysync::host {

class Logger {
 public:
  // Messages below `level` (PSJ_LOG_*) are dropped. `out` is borrowed (stderr by default).
  explicit Logger(int32_t level = 2 /* PSJ_LOG_INFO */, std::FILE* out = stderr);

  void setLevel(int32_t level) { level_.store(level); }
  int32_t level() const { return level_.load(); }
  bool enabled(int32_t level) const { return level >= level_.load(); }

  // Writes "polysync-host-stub: <level>: [<source>] <message>" as one line; control characters in `message`
  // (a plugin's text) are replaced so one message is always one line.
  void log(int32_t level, std::string_view message, std::string_view source = {});

  // Writes `text` as is, under the same lock as log lines (the live status line uses it).
  void writeRaw(std::string_view text);

  // Called under the lock before each log line: the live status line clears itself there, writing to
  // out() directly (writeRaw would deadlock).
  void setBeforeLine(std::function<void()> hook);
  std::FILE* out() const { return out_; }

 private:
  std::atomic<int32_t> level_;
  std::FILE* out_;
  std::mutex mutex_;
  std::function<void()> beforeLine_;
};

// "trace", "debug", "info", "warn" (or "warning"), "error" -> PSJ_LOG_*; nullopt otherwise.
std::optional<int32_t> parseLogLevel(const std::string& name);

// `text` made safe for one log line: CR, LF and other control characters become spaces.
std::string oneLine(std::string_view text);

}  // namespace polysync::host
