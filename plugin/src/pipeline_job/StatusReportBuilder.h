// StatusReportBuilder: a RunObservation -> the core::StatusReport the host receives (docs/azure-contract.md,
// "Poll"): state from StatusDecoder, the raw status, times (job first, Run History second), a failure message
// that is never empty, outputs on a terminal state, the Monitor URL and the next-poll hint.
// Pure apart from reading the connection's settings and the budgets (RateLimitState); thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "azureml/Parameter.h"
#include "core/StatusReport.h"
#include "pipeline_job/RunObservation.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class StatusReportBuilder {
 public:
  // writtenBack: the RunRef's Output / Input&Output parameters; empty = every output under its own name.
  // nowMs: Unix milliseconds, for the run's age.
  static core::StatusReport build(const RunObservation& observation,
                                  const std::vector<azureml::Parameter>& writtenBack,
                                  const WorkspaceConnection& connection, std::int64_t nowMs);

  // The state the raw Azure status maps to (case-insensitive).
  static core::RunState stateOf(const std::string& rawStatus);
};

}  // namespace aifoundry::pipeline_job
