// StepProgressReader: a live pipeline's step progress, from Run History's list of its child (step) runs
// (runs/{id}/children, the request Azure's SDK makes to list a pipeline's steps), read at most once per run
// per interval (PacedReads): between reads a poll reports the last progress read. Thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/StatusReport.h"
#include "http/CallControl.h"
#include "pipeline_job/PacedHistoryRead.h"

namespace aifoundry::pipeline_job {

class StepProgressReader : public PacedHistoryRead<core::StepProgress> {
 public:
  using PacedHistoryRead::PacedHistoryRead;

  // `declaredSteps`: how many steps the job declares (0 when unknown). nullopt until Run History answered.
  std::optional<core::StepProgress> of(const std::string& runId, std::size_t declaredSteps,
                                       const http::CallControl& control);
};

}  // namespace aifoundry::pipeline_job
