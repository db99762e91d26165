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

  // Writes "polysync-host-stub: <level>: [<source>] <message>" as one line: line breaks in `message` (a
  // plugin's text) become spaces, so one message is always one line, and every other control character is
  // shown escaped (terminalText()).
  void log(int32_t level, std::string_view message, std::string_view source = {});

  // Writes `control` (the host's own terminal sequences, e.g. "\r\x1b[2K") as is, then `text` through
  // terminalText(), under the same lock as log lines (the live status line uses it).
  void writeText(std::string_view text, std::string_view control = {});

  // Called under the lock before each log line: the live status line clears itself there, writing to
  // out() directly (writeText would deadlock).
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

// `text` made one line: CR, LF and tab become spaces (the writers show every other control character
// escaped, see TerminalText.h).
std::string oneLine(std::string_view text);

}  // namespace polysync::host
