#include "polysync_host/StatusDisplay.h"

#include <cstdio>

#include "polysync_host/AbiNames.h"
#include "polysync_host/Logger.h"

namespace polysync::host {

StatusDisplay::StatusDisplay(Logger& logger, bool live) : logger_(logger), live_(live) {
  if (live_) {
    // Called under the logger's lock: writes directly, never through the logger.
    logger_.setBeforeLine([this] {
      // The log line takes the live line's place; the next tick draws it again below.
      if (drawn_.exchange(false)) std::fputs("\r\x1b[2K", logger_.out());
    });
  }
}

StatusDisplay::~StatusDisplay() {
  finish();
  if (live_) logger_.setBeforeLine(nullptr);
}

std::string StatusDisplay::formatElapsed(std::chrono::milliseconds elapsed) {
  const long long total = static_cast<long long>(elapsed.count() / 1000);
  char buf[32];
  if (total >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", total / 60, total % 60);
  return buf;
}

void StatusDisplay::update(const RunStatus& status, std::chrono::milliseconds elapsed) {
  runId_ = status.runId;
  label_ = stateName(status.state);
  if (status.providerStatus) label_ += " (" + *status.providerStatus + ")";
  if (live_) {
    draw(elapsed);
  } else if (!last_ || *last_ != label_) {
    last_ = label_;
    logger_.writeText("run " + runId_ + ": " + label_ + " after " + formatElapsed(elapsed) + "\n");
  }
}

void StatusDisplay::tick(std::chrono::milliseconds elapsed) {
  if (live_ && !label_.empty()) draw(elapsed);
}

void StatusDisplay::draw(std::chrono::milliseconds elapsed) {
  logger_.writeText("run " + runId_ + ": " + label_ + "  " + formatElapsed(elapsed), "\r\x1b[2K");
  drawn_ = true;
}

void StatusDisplay::finish() {
  if (live_ && drawn_.exchange(false)) logger_.writeText("\n");
}

}  // namespace polysync::host
