#include "pipeline_job/PipelineJobType.h"

#include "pipeline_job/ConnectionSettings.h"
#include "pipeline_job/PipelineJobInstance.h"
#include "pipeline_job/PipelineJobTypeInfo.h"
#include "pipeline_job/UnknownSettings.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {
namespace {

core::Capabilities capabilities() {
  core::Capabilities caps;
  caps.testConnection = true;
  caps.importJobs = true;
  caps.cancel = true;
  caps.outputs = true;
  caps.idempotentRun = true;
  caps.statelessPoll = true;
  caps.progress = true;
  return caps;
}

}  // namespace

PipelineJobType::PipelineJobType(PipelineJobOptions options)
    : options_(std::move(options)), info_(pipeline_job::pipelineJobTypeInfo(capabilities())) {}

std::unique_ptr<core::JobTypeInstance> PipelineJobType::create(const std::vector<core::Setting>& settings,
                                                               core::CallContext& ctx) {
  auto connection =
      std::make_shared<const WorkspaceConnection>(ConnectionSettings::parse(settings), ctx.host(), options_);
  for (const std::string& warning : unknownSettingWarnings(settings)) connection->log().warn(warning);
  // Nothing has been reached yet: test connection is what says the workspace answers.
  connection->log().debug("configured for " + connection->describeWorkspace());
  return std::make_unique<PipelineJobInstance>(std::move(connection), options_);
}

std::unique_ptr<core::JobType> makePipelineJobType(PipelineJobOptions options) {
  return std::make_unique<PipelineJobType>(std::move(options));
}

}  // namespace aifoundry::pipeline_job
