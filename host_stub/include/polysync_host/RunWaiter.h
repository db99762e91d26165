// run --wait: polls a run until it ends, the wait times out, or the user interrupts.
// Retryable poll failures (rate limited, unavailable, timeout) are logged and retried, after the plugin's
// retry-after when it gave one; other failures end the wait with that error.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "polysync_host/Results.h"
#include "polysync_host/RunRequest.h"

namespace polysync::host {

class InterruptWatcher;
class PlatformConnection;
class StatusDisplay;

struct WaitOptions {
  std::optional<std::chrono::milliseconds> pollInterval;  // longest pause between polls
  std::optional<std::chrono::milliseconds> timeout;       // the whole wait
  bool cancelOnTimeout = false;
};

struct WaitResult {
  RunStatus status;  // the last one seen (after a timeout with cancel: what cancel reported)
  bool timedOut = false;
  bool cancelRequested = false;
};

// The pause before the next poll: with --poll-interval, the plugin's hint capped by it (or the interval when
// there is no hint), at least 10 ms; without, the hint but at least 1 s (5 s when there is no hint).
std::chrono::milliseconds nextPollDelay(std::optional<int64_t> hintMs,
                                        std::optional<std::chrono::milliseconds> interval);

class RunWaiter {
 public:
  RunWaiter(PlatformConnection& connection, InterruptWatcher& watcher, StatusDisplay& display,
            WaitOptions options)
      : connection_(connection), watcher_(watcher), display_(display), options_(options) {}

  // Throws OperationError(PSJ_E_INTERRUPTED) when the user interrupts, or the poll's error when it is not
  // retryable.
  WaitResult wait(const std::string& runId, const std::vector<RunParameter>& parameters);

 private:
  WaitResult timedOut(RunStatus last, const std::string& runId, const std::vector<RunParameter>& parameters);
  void pause(std::chrono::milliseconds delay, std::chrono::steady_clock::time_point start);
  [[noreturn]] void interrupted(const std::string& runId) const;

  PlatformConnection& connection_;
  InterruptWatcher& watcher_;
  StatusDisplay& display_;
  WaitOptions options_;
};

}  // namespace polysync::host
