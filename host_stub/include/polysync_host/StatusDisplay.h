// Shows a waiting run's progress on stderr: on a terminal one live line (status, elapsed time) redrawn in
// place; otherwise one line per status change, so logs and CI output stay readable.
// Threads: the waiting thread; log lines from other threads clear the live line first (Logger hook).
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

#include "polysync_host/Results.h"

namespace polysync::host {

class Logger;

class StatusDisplay {
 public:
  StatusDisplay(Logger& logger, bool live);
  ~StatusDisplay();
  StatusDisplay(const StatusDisplay&) = delete;
  StatusDisplay& operator=(const StatusDisplay&) = delete;

  // A new poll result.
  void update(const RunStatus& status, std::chrono::milliseconds elapsed);
  // Time passes (live mode redraws the elapsed time).
  void tick(std::chrono::milliseconds elapsed);
  // The wait is over: the live line is finished with a newline.
  void finish();

  // "1:05" / "1:02:03"
  static std::string formatElapsed(std::chrono::milliseconds elapsed);

 private:
  void draw(std::chrono::milliseconds elapsed);

  Logger& logger_;
  bool live_;
  std::atomic<bool> drawn_{false};  // read by the log hook on plugin threads
  std::string runId_;
  std::string label_;                // "Running (Running)"
  std::optional<std::string> last_;  // the label last printed in line mode
};

}  // namespace polysync::host
