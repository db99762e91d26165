// Shows a waiting run's progress on stderr: on a terminal one live line (status, step progress when the
// plugin reports it, elapsed time, time to the next poll) redrawn in place; otherwise one line per status
// change, so logs and CI output stay readable. Both modes show the run's Monitor URL once: the submission's,
// else the first poll's that has one. Threads: the waiting thread calls it; with a redraw period, a thread of
// its own redraws the live line while a poll takes long; log lines from other threads clear the live line
// first (Logger hook).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "polysync_host/Results.h"

namespace polysync::host {

class Logger;

struct StatusDisplayOptions {
  bool live = false;  // stderr is a terminal
  // The final result is printed next on the same terminal (stdout is that terminal, text output): the live
  // line is erased when the run ends instead of showing the same status twice.
  bool resultFollows = false;
  // Live mode: redraw at least this often on a thread of its own, so the elapsed time moves during a poll
  // that takes long (none: only update/tick/nextPollAt draw).
  std::optional<std::chrono::milliseconds> redrawEvery;
};

class StatusDisplay {
 public:
  StatusDisplay(Logger& logger, bool live);
  StatusDisplay(Logger& logger, StatusDisplayOptions options);
  ~StatusDisplay();
  StatusDisplay(const StatusDisplay&) = delete;
  StatusDisplay& operator=(const StatusDisplay&) = delete;

  // A new poll result, `elapsed` since the wait began.
  void update(const RunStatus& status, std::chrono::milliseconds elapsed);
  // The run's Monitor URL as the submission gave it; shown unless one was shown already.
  void monitorUrl(const std::string& runId, const std::string& url);
  // The next poll is due when the wait has lasted `at` (live mode shows "next poll in M:SS").
  void nextPollAt(std::chrono::milliseconds at, std::chrono::milliseconds elapsed);
  // Time passes (live mode redraws the elapsed time).
  void tick(std::chrono::milliseconds elapsed);
  // The wait is over: the live line is finished with a newline.
  void finish();

  // "1:05" / "1:02:03"
  static std::string formatElapsed(std::chrono::milliseconds elapsed);
  // "2/5 steps · running: train_model" ("" when the run has no steps); names on one line each.
  static std::string formatProgress(const RunProgress& progress);

 private:
  void draw(std::chrono::milliseconds elapsed);  // under mutex_
  void showMonitorUrl(const std::string& url);   // under mutex_
  void redrawLoop();

  Logger& logger_;
  StatusDisplayOptions options_;
  std::atomic<bool> drawn_{false};  // read by the log hook on plugin threads
  std::mutex mutex_;                // the fields below; taken before the logger's lock, never inside it
  std::string runId_;
  std::string label_;  // "Running (Running)", or "Running (Running) · 2/5 steps · running: x"
  std::string timeSeparator_ = "  ";  // before the elapsed time: " · " after a progress label
  std::optional<std::string> last_;   // the label last printed in line mode
  bool monitorShown_ = false;
  bool ended_ = false;                                 // the run ended or finish() was called
  std::optional<std::chrono::milliseconds> nextPoll_;  // elapsed time of the next poll
  std::chrono::milliseconds elapsed_{0};               // as last given, at lastGiven_
  std::chrono::steady_clock::time_point lastGiven_;
  std::chrono::steady_clock::time_point lastDraw_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread redrawer_;
};

}  // namespace polysync::host
