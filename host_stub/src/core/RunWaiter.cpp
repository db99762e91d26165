#include "polysync_host/RunWaiter.h"

#include <algorithm>

#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/InterruptWatcher.h"
#include "polysync_host/PlatformConnection.h"
#include "polysync_host/StatusDisplay.h"

namespace polysync::host {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

milliseconds nextPollDelay(std::optional<int64_t> hintMs, std::optional<milliseconds> interval) {
  if (interval) {
    const milliseconds d = hintMs ? std::min(milliseconds(*hintMs), *interval) : *interval;
    return std::max(d, milliseconds(10));
  }
  if (hintMs) return std::max(milliseconds(*hintMs), milliseconds(1000));
  return milliseconds(5000);
}

void RunWaiter::interrupted(const std::string& runId) const {
  display_.finish();
  throw OperationError(PSJ_E_INTERRUPTED, "interrupted while waiting for run " + runId +
                                              "; the run goes on: check it with poll or stop it with cancel");
}

WaitResult RunWaiter::wait(const std::string& runId, const std::vector<RunParameter>& parameters) {
  Logger& logger = connection_.plugin().services().logger();
  const auto start = Clock::now();
  const std::optional<Clock::time_point> deadline =
      options_.timeout ? std::optional<Clock::time_point>(start + *options_.timeout) : std::nullopt;
  const auto elapsed = [&] { return std::chrono::duration_cast<milliseconds>(Clock::now() - start); };

  RunStatus last;
  last.runId = runId;
  last.state = PSJ_STATE_STARTING;
  for (;;) {
    if (watcher_.stopRequested()) interrupted(runId);
    if (deadline && Clock::now() >= *deadline) return timedOut(last, runId, parameters);
    milliseconds delay;
    try {
      last = connection_.poll(runId, parameters, deadline);
      display_.update(last, elapsed());
      if (PSJ_STATE_IS_TERMINAL(last.state)) {
        display_.finish();
        return WaitResult{last, false, false};
      }
      delay = nextPollDelay(last.nextPollMs, options_.pollInterval);
    } catch (const OperationError& e) {
      if (watcher_.stopRequested()) interrupted(runId);
      if (deadline && Clock::now() >= *deadline) return timedOut(last, runId, parameters);
      if (!PSJ_CODE_IS_RETRYABLE(e.code())) {
        display_.finish();
        throw;
      }
      logger.log(PSJ_LOG_WARN,
                 std::string("poll of run ") + runId + " failed (" + errorCodeName(e.code()) +
                     "): " + e.what() + "; retrying",
                 "host");
      delay = e.retryAfterMs() ? milliseconds(*e.retryAfterMs())
                               : nextPollDelay(std::nullopt, options_.pollInterval);
    }
    if (deadline)
      delay = std::min(delay, std::max(milliseconds(0),
                                       std::chrono::duration_cast<milliseconds>(*deadline - Clock::now())));
    const milliseconds now = elapsed();
    display_.nextPollAt(now + delay, now);
    pause(delay, start);
  }
}

void RunWaiter::pause(milliseconds delay, Clock::time_point start) {
  // In slices, so the live line's clock moves.
  const auto until = Clock::now() + delay;
  for (auto now = Clock::now(); now < until; now = Clock::now()) {
    // Rounded up: a remainder under 1 ms truncated to 0 would spin (and redraw) until the pause ends.
    const auto slice = std::min(std::chrono::ceil<milliseconds>(until - now), milliseconds(1000));
    if (!watcher_.sleepFor(slice)) return;
    display_.tick(std::chrono::duration_cast<milliseconds>(Clock::now() - start));
  }
}

WaitResult RunWaiter::timedOut(RunStatus last, const std::string& runId,
                               const std::vector<RunParameter>& parameters) {
  display_.finish();
  Logger& logger = connection_.plugin().services().logger();
  WaitResult result{std::move(last), true, false};
  if (!options_.cancelOnTimeout) {
    logger.log(PSJ_LOG_WARN, "the wait for run " + runId + " timed out; the run goes on", "host");
    return result;
  }
  logger.log(PSJ_LOG_WARN, "the wait for run " + runId + " timed out; cancelling it (--cancel-on-timeout)",
             "host");
  try {
    result.status = connection_.cancel(runId, parameters);
    result.cancelRequested = true;
  } catch (const OperationError& e) {
    logger.log(
        PSJ_LOG_ERROR,
        std::string("could not cancel run ") + runId + " (" + errorCodeName(e.code()) + "): " + e.what(),
        "host");
  }
  return result;
}

}  // namespace polysync::host
