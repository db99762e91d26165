// RunPoller: poll() — the status of one run from nothing but its RunId and the connection (stateless: it
// works from another process and after a restart).
//
// Cost: one ARM GET of the job in the common case (not finished yet). While the run is Running, Run History
// adds its start time (until known) and step progress, each at most once per run per `liveDetailInterval`
// (plugin/README.md, "Progress"). Once the run has finished Run History is read only when the job resource
// lacks its times or, for a failure, its error; the history host is discovered once per connection.
// Concurrent polls of one run share one read (PollCoalescer).
// Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "http/CallControl.h"
#include "core/CallContext.h"
#include "core/RunRequest.h"
#include "core/StatusReport.h"
#include "pipeline_job/PollCoalescer.h"
#include "pipeline_job/RunHistoryReader.h"
#include "pipeline_job/RunObservation.h"
#include "pipeline_job/RunStartTime.h"
#include "pipeline_job/StepProgressReader.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class RunPoller {
 public:
  RunPoller(std::shared_ptr<const WorkspaceConnection> connection, bool coalesce,
            std::chrono::milliseconds liveDetailInterval);

  core::StatusReport poll(core::CallContext& ctx, const core::RunRef& run);

  // One read of the run, not shared with other callers (cancel uses it). Throws JobTypeError: NotFound for
  // an unknown run, InvalidArgument for a RunId Azure cannot hold, or the transport's error.
  RunObservation observe(const std::string& runId, const http::CallControl& control) const;
  // The report for an observation (writtenBack as in StatusReportBuilder).
  core::StatusReport report(const RunObservation& observation, const core::RunRef& run) const;

 private:
  void addLiveDetails(RunObservation& observation, const std::string& runId,
                      const http::CallControl& control) const;

  std::shared_ptr<const WorkspaceConnection> connection_;
  RunHistoryReader history_;
  bool coalesce_;
  PollCoalescer coalescer_;
  // Paced per run; mutable: observe() is const, and what they hold is a cache of Azure, not the poller's
  // state.
  mutable RunStartTime startTime_;
  mutable StepProgressReader progress_;
};

// "RunId" must be a name Azure could have given a job: checked before any request.
void checkRunId(const std::string& runId);

}  // namespace aifoundry::pipeline_job
