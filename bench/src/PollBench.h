// PollBench: poll throughput through the ABI — `threads` threads, each polling its own run (so nothing is
// coalesced and every poll is one GET, like wrk's requests) as fast as it can for a fixed time — and the
// CPU each poll costs on the calling thread. Also the coalescing check: `threads` polls of ONE run released
// at the same moment.
#pragma once

#include <string>
#include <vector>

#include "PluginLibrary.h"

namespace bench {

struct PollResult {
  double rate = 0;  // polls/s
  long polls = 0;
  long errors = 0;
  double cpuMicrosPerPoll = 0;  // user+system CPU of the polling threads / polls
  std::string firstError;
};

// Runs for `seconds`, or until `maxPolls` polls have been made when maxPolls > 0.
PollResult runPolls(const Instance& instance, const std::vector<std::string>& runIds, int threads,
                    double seconds, long maxPolls = 0);

// Releases `threads` polls of `runId` together (a barrier); returns how many succeeded.
int pollTogether(const Instance& instance, const std::string& runId, int threads);

}  // namespace bench
