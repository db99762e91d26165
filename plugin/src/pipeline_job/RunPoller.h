// RunPoller: poll() — the status of one run from nothing but its RunId and the connection (stateless: it
// works from another process and after a restart).
//
// Cost: one Run History GET in the common case (a live run), none of the subscription's ARM reads; ARM's job
// GET when the data plane cannot answer and once when the run has finished (StatusSource). The history host is
// discovered once per connection. Concurrent polls of one run share one read (PollCoalescer).
// Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "http/CallControl.h"
#include "core/CallContext.h"
#include "core/RunRequest.h"
#include "core/StatusReport.h"
#include "pipeline_job/PollCoalescer.h"
#include "pipeline_job/RunObservation.h"
#include "pipeline_job/StatusSource.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class RunPoller {
 public:
  RunPoller(std::shared_ptr<const WorkspaceConnection> connection, bool coalesce);

  core::StatusReport poll(core::CallContext& ctx, const core::RunRef& run);

  // One read of the run's job resource (ARM), not shared with other callers (cancel uses it). Throws
  // JobTypeError: NotFound for an unknown run, InvalidArgument for a RunId Azure cannot hold, or the
  // transport's error.
  RunObservation observe(const std::string& runId, const http::CallControl& control) const;
  // The report for an observation (writtenBack as in StatusReportBuilder).
  core::StatusReport report(const RunObservation& observation, const core::RunRef& run) const;

 private:
  std::shared_ptr<const WorkspaceConnection> connection_;
  StatusSource source_;
  bool coalesce_;
  PollCoalescer coalescer_;
};

// "RunId" must be a name Azure could have given a job: checked before any request.
void checkRunId(const std::string& runId);

}  // namespace aifoundry::pipeline_job
