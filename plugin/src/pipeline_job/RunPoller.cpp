#include "pipeline_job/RunPoller.h"

#include <chrono>

#include "azureml/AzureMlError.h"
#include "azureml/JobDecoder.h"
#include "common/JsonDocument.h"
#include "azureml/JobName.h"
#include "common/JsonView.h"
#include "azureml/StatusDecoder.h"
#include "core/JobTypeError.h"
#include "pipeline_job/CallScope.h"
#include "pipeline_job/ErrorTranslation.h"
#include "pipeline_job/IsoTime.h"
#include "pipeline_job/ParameterConversion.h"
#include "pipeline_job/StatusReportBuilder.h"

namespace aifoundry::pipeline_job {
namespace {

std::int64_t nowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool hasText(const std::optional<std::string>& text) { return text && !text->empty(); }

}  // namespace

void checkRunId(const std::string& runId) {
  try {
    azureml::JobName::checkExisting(runId, "RunId");
  } catch (const azureml::AzureMlError& e) {
    throw translate(e);
  }
}

RunPoller::RunPoller(std::shared_ptr<const WorkspaceConnection> connection, bool coalesce,
                     std::chrono::milliseconds liveDetailInterval)
    : connection_(std::move(connection)),
      history_(connection_),
      coalesce_(coalesce),
      startTime_(history_, liveDetailInterval),
      progress_(history_, liveDetailInterval) {}

void RunPoller::addLiveDetails(RunObservation& observation, const std::string& runId,
                               const http::CallControl& control) const {
  if (!observation.job.startTime) observation.liveStartMs = startTime_.of(runId, control);
  if (observation.job.isPipeline() || observation.job.declaredSteps)
    observation.progress = progress_.of(runId, observation.job.declaredSteps.value_or(0), control);
}

RunObservation RunPoller::observe(const std::string& runId, const http::CallControl& control) const {
  RunObservation observation;
  http::HttpResponse response;
  try {
    arm::ArmRequestOptions options;
    options.operation = "read run '" + runId + "'";
    response = connection_->arm().get(connection_->urls().jobUrl(runId), control, options);
  } catch (const http::HttpError& e) {
    if (e.reason() != http::ErrorReason::NotFound) throw translate(e);
    throw core::JobTypeError(core::ErrorCode::NotFound,
                             "run '" + runId + "' was not found in " + connection_->describeWorkspace() +
                                 "; check the RunId and the platform's workspace (" + e.what() + ")");
  }
  try {
    // A document, not a bare parse: the decoder steps over `properties` and then each of its members, which
    // the document's index makes lookups instead of two more walks of the reply (bench/README.md).
    const common::JsonDocument reply(response.body, "the run '" + runId + "'");
    // Only the fields a poll reports; inputs and tags are never needed here and outputs only at the end.
    observation.job = azureml::JobDecoder::decodeForPoll(reply.root());
    // From the decoder's pass: a second walk of the reply for systemData cost ~3% of a poll (bench/).
    if (observation.job.createdAt) observation.createdAtMs = parseIsoTimeMs(*observation.job.createdAt);
  } catch (const azureml::AzureMlError& e) {
    throw translate(e);
  }
  if (observation.job.name.empty()) observation.job.name = runId;
  const azureml::RunState state = azureml::StatusDecoder::decode(observation.job.status);
  if (state == azureml::RunState::Running) addLiveDetails(observation, runId, control);
  if (!azureml::StatusDecoder::isTerminal(state)) return observation;  // the common case: one ARM GET
  startTime_.forget(runId);
  progress_.forget(runId);
  const bool failed = state == azureml::RunState::Failed;
  const bool needTimes = !observation.job.startTime || !observation.job.endTime;
  const bool needError = failed && !hasText(observation.job.errorMessage);
  if (needTimes || needError) observation.history = history_.run(runId, control);
  if (needError && !(observation.history && !observation.history->errorMessage.empty())) {
    observation.failedStep = history_.firstFailedStep(runId, control);
  }
  return observation;
}

core::StatusReport RunPoller::report(const RunObservation& observation, const core::RunRef& run) const {
  return StatusReportBuilder::build(observation, writtenBackParameters(run.parameters), *connection_, nowUnixMs());
}

core::StatusReport RunPoller::poll(core::CallContext& ctx, const core::RunRef& run) {
  checkRunId(run.runId);
  CallScope scope(ctx);
  try {
    const auto read = [&] { return observe(run.runId, scope.control()); };
    RunObservation observation = coalesce_ ? coalescer_.observe(run.runId, ctx, read) : read();
    core::StatusReport result = report(observation, run);
    // Built only when the host keeps debug lines: on a hot poll loop the concatenation is not free.
    if (connection_->log().debugEnabled())
      connection_->log().debug("poll: run '" + run.runId + "' is " + result.rawStatus);
    return result;
  } catch (...) {
    rethrowTranslated();
  }
}

}  // namespace aifoundry::pipeline_job
