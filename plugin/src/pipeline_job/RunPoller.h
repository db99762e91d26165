// RunPoller: poll() — the status of one run from nothing but its RunId and the connection (stateless: it
// works from another process and after a restart).
//
// Cost: one Run History GET in the common case (a live run), none of the subscription's ARM reads; ARM's job
// GET when the data plane cannot answer and once when the run has finished (StatusSource). While the run is
// Running, Run History adds its start time (when the status read did not give it) and step progress, each at
// most once per run per `liveDetailInterval` (plugin/README.md, "Progress"). The history host is discovered
// once per connection. Concurrent polls of one run share one read (PollCoalescer).
// Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/CallContext.h"
#include "core/RunRequest.h"
#include "core/StatusReport.h"
#include "http/CallControl.h"
#include "pipeline_job/PollCoalescer.h"
#include "pipeline_job/RunHistoryReader.h"
#include "pipeline_job/RunObservation.h"
#include "pipeline_job/RunStartTime.h"
#include "pipeline_job/StatusSource.h"
#include "pipeline_job/StepProgressReader.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class RunPoller {
 public:
  RunPoller(std::shared_ptr<const WorkspaceConnection> connection, bool coalesce,
            std::chrono::milliseconds liveDetailInterval);

  core::StatusReport poll(core::CallContext& ctx, const core::RunRef& run);

  // One read of the run's job resource (ARM), not shared with other callers (cancel uses it). Throws
  // JobTypeError: NotFound for an unknown run, InvalidArgument for a RunId Azure cannot hold, or the
  // transport's error.
  RunObservation observe(const std::string& runId, const http::CallControl& control) const;
  // The report for an observation (writtenBack as in StatusReportBuilder).
  core::StatusReport report(const RunObservation& observation, const core::RunRef& run) const;

 private:
  // The poll's read: the status (StatusSource) and, while the run is Running, its live details.
  RunObservation observeForPoll(const std::string& runId, const http::CallControl& control) const;
  void addLiveDetails(RunObservation& observation, const std::string& runId,
                      const http::CallControl& control) const;

  std::shared_ptr<const WorkspaceConnection> connection_;
  StatusSource source_;
  RunHistoryReader history_;  // for the live details
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
