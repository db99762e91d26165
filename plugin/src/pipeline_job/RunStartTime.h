// RunStartTime: when a started run began, for a poll whose job reply does not say (ARM's pipeline job has no
// start time while it runs). Read from Run History's run reply (runs/{id}, the run Azure's SDK reads), at
// most once per run per interval until Run History has one; once known it never changes and is never read
// again. A caller that has read the run already (a status read from Run History) hands its start time to
// remember() instead, which costs nothing. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/CallControl.h"
#include "pipeline_job/PacedHistoryRead.h"

namespace aifoundry::pipeline_job {

class RunStartTime : public PacedHistoryRead<std::int64_t> {
 public:
  using PacedHistoryRead::PacedHistoryRead;

  // Unix milliseconds, or nullopt while Run History does not know (or cannot be reached).
  std::optional<std::int64_t> of(const std::string& runId, const http::CallControl& control);
  void remember(const std::string& runId, std::int64_t startMs);
};

}  // namespace aifoundry::pipeline_job
