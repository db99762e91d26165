// StatusReportBuilder: a RunObservation -> the core::StatusReport the host receives (docs/azure-contract.md,
// "Poll"): state from StatusDecoder, the raw status, times (job first, Run History second), a failure message
// that is never empty, outputs on a terminal state, the Monitor URL and the next-poll hint.
// Pure apart from reading the connection's settings and the budgets (RateLimitState); thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "core/Parameter.h"
#include "core/StatusReport.h"
#include "pipeline_job/RunObservation.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class StatusReportBuilder {
 public:
  // parameters: the RunRef's; its Output / Input&Output ones are written back from the run's outputs, and
  // with none of those every output is reported under its own name. nowMs: Unix milliseconds, for the
  // run's age.
  static core::StatusReport build(const RunObservation& observation,
                                  const std::vector<core::Parameter>& parameters,
                                  const WorkspaceConnection& connection, std::int64_t nowMs);
};

}  // namespace aifoundry::pipeline_job
