#include "polysync_host/StatusDisplay.h"

#include <polysync/jobtype_v1/base.h>

#include <cstdio>

#include "polysync_host/AbiNames.h"
#include "polysync_host/Logger.h"

namespace polysync::host {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {
constexpr const char* kClearLine = "\r\x1b[2K";
}

StatusDisplay::StatusDisplay(Logger& logger, bool live)
    : StatusDisplay(logger, StatusDisplayOptions{live, false, std::nullopt}) {}

StatusDisplay::StatusDisplay(Logger& logger, StatusDisplayOptions options)
    : logger_(logger), options_(options), lastGiven_(Clock::now()), lastDraw_(lastGiven_) {
  if (options_.live) {
    // Called under the logger's lock: writes directly, never through the logger.
    logger_.setBeforeLine([this] {
      // The log line takes the live line's place; the next draw puts it back below.
      if (drawn_.exchange(false)) std::fputs(kClearLine, logger_.out());
    });
    if (options_.redrawEvery) redrawer_ = std::thread([this] { redrawLoop(); });
  }
}

StatusDisplay::~StatusDisplay() {
  if (redrawer_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    redrawer_.join();
  }
  finish();
  if (options_.live) logger_.setBeforeLine(nullptr);
}

std::string StatusDisplay::formatElapsed(milliseconds elapsed) {
  const long long total = static_cast<long long>(elapsed.count() / 1000);
  char buf[32];
  if (total >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", total / 60, total % 60);
  return buf;
}

std::string StatusDisplay::formatProgress(const RunProgress& progress) {
  if (progress.stepsTotal == 0) return "";
  // Skipped steps (reused from an earlier run) are done as far as the user waiting is concerned.
  const uint64_t done = uint64_t{progress.stepsCompleted} + progress.stepsSkipped;
  std::string text = std::to_string(done) + "/" + std::to_string(progress.stepsTotal) + " steps";
  if (progress.stepsFailed > 0) text += " · " + std::to_string(progress.stepsFailed) + " failed";
  if (progress.stepsRunning > 0) {
    text += " · running: ";
    if (progress.running.empty()) {
      text += std::to_string(progress.stepsRunning) + (progress.stepsRunning == 1 ? " step" : " steps");
    } else {
      for (std::size_t i = 0; i < progress.running.size(); ++i)
        text += (i ? ", " : "") + oneLine(progress.running[i]);
      if (progress.stepsRunning > progress.running.size())
        text += " +" + std::to_string(progress.stepsRunning - progress.running.size()) + " more";
    }
  }
  return text;
}

void StatusDisplay::update(const RunStatus& status, milliseconds elapsed) {
  std::lock_guard<std::mutex> lock(mutex_);
  elapsed_ = elapsed;
  lastGiven_ = Clock::now();
  nextPoll_.reset();  // this poll is done; the waiter says when the next one is
  runId_ = status.runId;
  label_ = stateName(status.state);
  if (status.providerStatus) label_ += " (" + *status.providerStatus + ")";
  // With progress, its parts and the time are set apart by " · " (the one place the line has room for it).
  const std::string progress = status.progress ? formatProgress(*status.progress) : "";
  label_ += progress.empty() ? "" : " · " + progress;
  timeSeparator_ = progress.empty() ? "  " : " · ";
  if (status.monitorUrl) showMonitorUrl(*status.monitorUrl);
  const bool terminal = PSJ_STATE_IS_TERMINAL(status.state);
  if (options_.live) {
    if (terminal && options_.resultFollows) {
      // The result that follows says how the run ended: the live line goes instead of repeating it.
      if (drawn_.exchange(false)) logger_.writeText("", kClearLine);
    } else {
      draw(elapsed);
    }
    ended_ = ended_ || terminal;
  } else if (!last_ || *last_ != label_) {
    last_ = label_;
    logger_.writeText("run " + runId_ + ": " + label_ + " after " + formatElapsed(elapsed) + "\n");
  }
}

void StatusDisplay::monitorUrl(const std::string& runId, const std::string& url) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (runId_.empty()) runId_ = runId;
  showMonitorUrl(url);
}

void StatusDisplay::showMonitorUrl(const std::string& url) {
  if (monitorShown_ || url.empty()) return;
  // Once, on a line of its own: a live line that long would wrap and no longer redraw in place.
  monitorShown_ = true;
  const std::string clear = options_.live && drawn_.exchange(false) ? kClearLine : "";
  logger_.writeText("run " + runId_ + ": Monitor URL " + oneLine(url) + "\n", clear);
}

void StatusDisplay::nextPollAt(milliseconds at, milliseconds elapsed) {
  std::lock_guard<std::mutex> lock(mutex_);
  elapsed_ = elapsed;
  lastGiven_ = Clock::now();
  nextPoll_ = at;
  if (options_.live && !label_.empty() && !ended_) draw(elapsed);
}

void StatusDisplay::tick(milliseconds elapsed) {
  std::lock_guard<std::mutex> lock(mutex_);
  elapsed_ = elapsed;
  lastGiven_ = Clock::now();
  if (options_.live && !label_.empty() && !ended_) draw(elapsed);
}

void StatusDisplay::draw(milliseconds elapsed) {
  std::string line = "run " + runId_ + ": " + label_ + timeSeparator_ + formatElapsed(elapsed);
  if (nextPoll_) {
    const milliseconds left = *nextPoll_ - elapsed;
    // Rounded up: "0:00" would read as "now" while the pause still lasts.
    line += left.count() > 0 ? "  next poll in " + formatElapsed(left + milliseconds(999)) : "  polling";
  }
  logger_.writeText(line, kClearLine);  // the server's words escaped; only the redraw sequence is raw
  drawn_ = true;
  lastDraw_ = Clock::now();
}

void StatusDisplay::redrawLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  const milliseconds period = *options_.redrawEvery;
  while (!stopping_) {
    if (wake_.wait_until(lock, lastDraw_ + period, [this] { return stopping_; })) break;
    const auto now = Clock::now();
    if (now < lastDraw_ + period) continue;  // drawn meanwhile by the waiting thread
    if (!label_.empty() && !ended_) {
      draw(elapsed_ + std::chrono::duration_cast<milliseconds>(now - lastGiven_));
    } else {
      lastDraw_ = now;  // nothing to show yet (or any more): look again a period later
    }
  }
}

void StatusDisplay::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  ended_ = true;
  if (options_.live && drawn_.exchange(false)) logger_.writeText("\n");
}

}  // namespace polysync::host
