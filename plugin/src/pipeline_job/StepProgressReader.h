// StepProgressReader: a live pipeline's step progress, from Run History's list of its child (step) runs
// (runs/{id}/children, the request Azure's SDK makes to list a pipeline's steps), read at most once per run
// per interval (PacedReads): between reads a poll reports the last progress read. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/StatusReport.h"
#include "http/CallControl.h"
#include "pipeline_job/PacedReads.h"
#include "pipeline_job/RunHistoryReader.h"

namespace aifoundry::pipeline_job {

class StepProgressReader {
 public:
  StepProgressReader(RunHistoryReader history, std::chrono::milliseconds interval,
                     PacedReads<core::StepProgress>::Clock clock = PacedReads<core::StepProgress>::steadyNow)
      : history_(std::move(history)), reads_(interval, std::move(clock)) {}

  // `declaredSteps`: how many steps the job declares (0 when unknown). nullopt until Run History answered.
  std::optional<core::StepProgress> of(const std::string& runId, std::size_t declaredSteps,
                                       const http::CallControl& control);
  // The last progress read, without a request: for a poll that found Run History failing just now.
  std::optional<core::StepProgress> known(const std::string& runId) const { return reads_.peek(runId); }
  void forget(const std::string& runId) { reads_.forget(runId); }
  std::uint64_t reads() const { return reads_.reads(); }

 private:
  RunHistoryReader history_;
  PacedReads<core::StepProgress> reads_;
};

}  // namespace aifoundry::pipeline_job
