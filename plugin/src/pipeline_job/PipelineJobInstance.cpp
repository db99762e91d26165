#include "pipeline_job/PipelineJobInstance.h"

#include "core/JobTypeError.h"

namespace aifoundry::pipeline_job {
namespace {

// Every call's error as the host must see it: interrupted at (or after) the deadline is Timeout.
template <class Call>
auto reported(core::CallContext& ctx, Call&& call) -> decltype(call()) {
  try {
    return call();
  } catch (const core::JobTypeError& e) {
    throw ctx.stoppedError(e);
  }
}

}  // namespace

PipelineJobInstance::PipelineJobInstance(std::shared_ptr<const WorkspaceConnection> connection,
                                         const PipelineJobOptions& options)
    : connection_(std::move(connection)),
      tester_(connection_),
      importer_(connection_),
      submitter_(connection_),
      poller_(connection_, options.coalescePolls, options.liveDetailInterval),
      canceller_(connection_, poller_) {}

std::string PipelineJobInstance::testConnection(core::CallContext& ctx) {
  return reported(ctx, [&] { return tester_.test(ctx); });
}

void PipelineJobInstance::importJobs(core::CallContext& ctx, const core::ImportRequest& request,
                                     const core::ImportEmitter& emit) {
  reported(ctx, [&] { importer_.importJobs(ctx, request, emit); });
}

core::RunResult PipelineJobInstance::run(core::CallContext& ctx, const core::RunRequest& request) {
  return reported(ctx, [&] { return submitter_.run(ctx, request); });
}

core::StatusReport PipelineJobInstance::poll(core::CallContext& ctx, const core::RunRef& run) {
  return reported(ctx, [&] { return poller_.poll(ctx, run); });
}

core::StatusReport PipelineJobInstance::cancel(core::CallContext& ctx, const core::RunRef& run) {
  return reported(ctx, [&] { return canceller_.cancel(ctx, run); });
}

}  // namespace aifoundry::pipeline_job
