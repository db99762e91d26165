// RunStartTime: when a started run began, for a poll whose job reply does not say (ARM's pipeline job has no
// start time while it runs). Read from Run History's run reply (runs/{id}, the run Azure's SDK reads), at
// most once per run per interval until Run History has one; once known it never changes and is never read
// again. A caller that has read the run already (a status read from Run History) hands its start time to
// remember() instead, which costs nothing. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "http/CallControl.h"
#include "pipeline_job/PacedReads.h"
#include "pipeline_job/RunHistoryReader.h"

namespace aifoundry::pipeline_job {

class RunStartTime {
 public:
  RunStartTime(RunHistoryReader history, std::chrono::milliseconds interval,
               PacedReads<std::int64_t>::Clock clock = PacedReads<std::int64_t>::steadyNow)
      : history_(std::move(history)), reads_(interval, std::move(clock)) {}

  // Unix milliseconds, or nullopt while Run History does not know (or cannot be reached).
  std::optional<std::int64_t> of(const std::string& runId, const http::CallControl& control);
  // The last value read, without a request: for a poll that found Run History failing just now.
  std::optional<std::int64_t> known(const std::string& runId) const { return reads_.peek(runId); }
  void remember(const std::string& runId, std::int64_t startMs);
  void forget(const std::string& runId) { reads_.forget(runId); }
  std::uint64_t reads() const { return reads_.reads(); }

 private:
  RunHistoryReader history_;
  PacedReads<std::int64_t> reads_;
};

}  // namespace aifoundry::pipeline_job
