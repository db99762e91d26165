// FleetBench: a fleet of runs kept in flight the way a scheduler keeps them — a host loop that submits runs,
// polls each at a fixed interval and honours the plugin's next-poll hints — against an emulator whose
// Resource Manager and Run History token buckets are on, with its clock and buckets scaled together (a
// simulated hour in about a minute). Reports what the fleet cost each plane and how late runs were seen.
// One call at a time; the host loop runs its own worker threads.
#pragma once

#include <string>

#include "PluginLibrary.h"

namespace bench {

struct FleetConfig {
  std::string emulatorBinary, workDir;
  int runs = 2000;                 // kept in flight
  double simSeconds = 3600;        // submissions stop after this much simulated time; the runs then drain
  double runSimSeconds = 1200;     // how long one run lasts (5 emulator steps)
  double intervalSimSeconds = 30;  // the host's poll interval
  double timeScale = 60;           // simulated seconds per real second
  int threads = 8;                 // the host's polling threads
  bool armOnly = false;            // `Status Source` = `Resource Manager`
};

struct FleetResult {
  long runsSubmitted = 0, runsFinished = 0, polls = 0;
  long rateLimitedFailures = 0;  // polls refused RateLimited + runs reported Failed (none fails by script)
  long otherErrors = 0;
  std::string firstError;
  long armRequests = 0;      // jobs.get + jobs.put + workspace over the scenario, 429s included
  long historyRequests = 0;  // history.run, 429s included
  double armRequestsPerRun = 0, historyRequestsPerPoll = 0;
  double lagP95Ratio = 0;  // p95 of (poll that saw the end - the run's end) / the interval
  double seconds = 0;      // real time of the scenario
};

FleetResult runFleet(const PluginLibrary& library, const FleetConfig& config);

}  // namespace bench
