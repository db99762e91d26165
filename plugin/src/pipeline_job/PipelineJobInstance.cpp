#include "pipeline_job/PipelineJobInstance.h"

namespace aifoundry::pipeline_job {

PipelineJobInstance::PipelineJobInstance(std::shared_ptr<const WorkspaceConnection> connection,
                                         const PipelineJobOptions& options)
    : connection_(std::move(connection)),
      tester_(connection_),
      importer_(connection_),
      submitter_(connection_),
      poller_(connection_, options.coalescePolls),
      canceller_(connection_, poller_) {}

std::string PipelineJobInstance::testConnection(core::CallContext& ctx) { return tester_.test(ctx); }

void PipelineJobInstance::importJobs(core::CallContext& ctx, const core::ImportRequest& request,
                                     const core::ImportEmitter& emit) {
  importer_.importJobs(ctx, request, emit);
}

core::RunResult PipelineJobInstance::run(core::CallContext& ctx, const core::RunRequest& request) {
  return submitter_.run(ctx, request);
}

core::StatusReport PipelineJobInstance::poll(core::CallContext& ctx, const core::RunRef& run) {
  return poller_.poll(ctx, run);
}

core::StatusReport PipelineJobInstance::cancel(core::CallContext& ctx, const core::RunRef& run) {
  return canceller_.cancel(ctx, run);
}

}  // namespace aifoundry::pipeline_job
