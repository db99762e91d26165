#include "polysync_host/Logger.h"

#include <polysync/jobtype_v1/base.h>

#include "common/EnumNames.h"
#include "polysync_host/TerminalText.h"

namespace polysync::host {
namespace {

// The first name of a level is the one written; "warning" is read as warn too.
constexpr aifoundry::common::EnumName<int32_t> kLevels[] = {
    {PSJ_LOG_TRACE, "trace"}, {PSJ_LOG_DEBUG, "debug"},  {PSJ_LOG_INFO, "info"},
    {PSJ_LOG_WARN, "warn"},   {PSJ_LOG_WARN, "warning"}, {PSJ_LOG_ERROR, "error"}};

const char* levelName(int32_t level) { return aifoundry::common::nameIn(kLevels, level, "error"); }

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
  return aifoundry::common::valueNamed(kLevels, name);
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
