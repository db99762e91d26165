#include "pipeline_job/RunPoller.h"

#include <chrono>

#include "azureml/AzureMlError.h"
#include "azureml/JobName.h"
#include "azureml/StatusDecoder.h"
#include "core/JobTypeError.h"
#include "pipeline_job/CallScope.h"
#include "pipeline_job/ErrorTranslation.h"
#include "pipeline_job/IsoTime.h"
#include "pipeline_job/StatusReportBuilder.h"

namespace aifoundry::pipeline_job {
namespace {

std::int64_t nowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

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
      source_(connection_),
      history_(connection_),
      coalesce_(coalesce),
      startTime_(history_, liveDetailInterval),
      progress_(history_, liveDetailInterval) {}

void RunPoller::addLiveDetails(RunObservation& observation, const std::string& runId,
                               const http::CallControl& control) const {
  if (observation.historyFailed) {  // what is known already, and no request to a host failing right now
    if (!observation.job.startTime) observation.liveStartMs = startTime_.known(runId);
    observation.progress = progress_.known(runId);
    return;
  }
  // A status read from Run History carries the start time itself: no second request for it.
  if (!observation.job.startTime) {
    if (observation.history && observation.history->startTimeUtc)
      observation.liveStartMs = parseIsoTimeMs(*observation.history->startTimeUtc);
    else
      observation.liveStartMs = startTime_.of(runId, control);
  }
  // Run History's run does not say whether it is a pipeline; a run without steps lists no children.
  const bool fromHistory = observation.source == RunObservation::Source::RunHistory;
  if (fromHistory || observation.job.isPipeline() || observation.job.declaredSteps)
    observation.progress = progress_.of(runId, observation.job.declaredSteps.value_or(0), control);
}

RunObservation RunPoller::observe(const std::string& runId, const http::CallControl& control) const {
  return source_.readArm(runId, control);
}

RunObservation RunPoller::observeForPoll(const std::string& runId, const http::CallControl& control) const {
  RunObservation observation = source_.observe(runId, control);
  const azureml::RunState state = azureml::StatusDecoder::decode(observation.job.status);
  if (state == azureml::RunState::Running) addLiveDetails(observation, runId, control);
  if (azureml::StatusDecoder::isTerminal(state)) {
    startTime_.forget(runId);
    progress_.forget(runId);
  }
  return observation;
}

core::StatusReport RunPoller::report(const RunObservation& observation, const core::RunRef& run) const {
  return StatusReportBuilder::build(observation, run.parameters, *connection_, nowUnixMs());
}

core::StatusReport RunPoller::poll(core::CallContext& ctx, const core::RunRef& run) {
  checkRunId(run.runId);
  CallScope scope(ctx);
  try {
    const auto read = [&] { return observeForPoll(run.runId, scope.control()); };
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
