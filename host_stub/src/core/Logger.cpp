#include "polysync_host/Logger.h"

#include <Poco/String.h>
#include <polysync/jobtype_v1/base.h>

#include "polysync_host/TerminalText.h"

namespace polysync::host {
namespace {

const char* levelName(int32_t level) {
  switch (level) {
    case PSJ_LOG_TRACE:
      return "trace";
    case PSJ_LOG_DEBUG:
      return "debug";
    case PSJ_LOG_INFO:
      return "info";
    case PSJ_LOG_WARN:
      return "warn";
    default:
      return "error";
  }
}

}  // namespace

Logger::Logger(int32_t level, std::FILE* out) : level_(level), out_(out) {}

void Logger::log(int32_t level, std::string_view message, std::string_view source) {
  if (!enabled(level)) return;
  std::string line = "polysync-host-stub: ";
  line += levelName(level);
  line += ": ";
  if (!source.empty()) {
    line += '[';
    line += source;
    line += "] ";
  }
  line += oneLine(message);
  line = terminalText(line);
  line += '\n';
  std::lock_guard<std::mutex> lock(mutex_);
  if (beforeLine_) beforeLine_();
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

void Logger::writeText(std::string_view text, std::string_view control) {
  const std::string shown = std::string(control) + terminalText(text);
  std::lock_guard<std::mutex> lock(mutex_);
  std::fwrite(shown.data(), 1, shown.size(), out_);
  std::fflush(out_);
}

void Logger::setBeforeLine(std::function<void()> hook) {
  std::lock_guard<std::mutex> lock(mutex_);
  beforeLine_ = std::move(hook);
}

std::optional<int32_t> parseLogLevel(const std::string& name) {
  const std::string n = Poco::toLower(name);
  if (n == "trace") return PSJ_LOG_TRACE;
  if (n == "debug") return PSJ_LOG_DEBUG;
  if (n == "info") return PSJ_LOG_INFO;
  if (n == "warn" || n == "warning") return PSJ_LOG_WARN;
  if (n == "error") return PSJ_LOG_ERROR;
  return std::nullopt;
}

std::string oneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace polysync::host
