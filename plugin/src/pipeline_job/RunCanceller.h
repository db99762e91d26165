// RunCanceller: cancel() — asks Azure ML to cancel a run, from nothing but its RunId (stateless).
//   - The run is read first: an unknown RunId is a clear NotFound, and a run that already finished reports
//     its final status instead of an error (nothing is posted).
//   - POST .../jobs/{id}/cancel; 200 or 202 = accepted: the report says Running with the raw status
//     CancelRequested until a later poll sees Canceled.
//   - If the run finishes between the read and the POST and Azure refuses the cancel, the run is read again
//     and its final status reported.
// Thread-safe.
#pragma once

#include <memory>

#include "core/CallContext.h"
#include "core/RunRequest.h"
#include "core/StatusReport.h"
#include "pipeline_job/RunPoller.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class RunCanceller {
 public:
  RunCanceller(std::shared_ptr<const WorkspaceConnection> connection, const RunPoller& poller)
      : connection_(std::move(connection)), poller_(poller) {}

  core::StatusReport cancel(core::CallContext& ctx, const core::RunRef& run) const;

 private:
  std::shared_ptr<const WorkspaceConnection> connection_;
  const RunPoller& poller_;
};

}  // namespace aifoundry::pipeline_job
