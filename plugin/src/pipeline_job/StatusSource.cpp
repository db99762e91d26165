#include "pipeline_job/StatusSource.h"

#include "azureml/AzureMlError.h"
#include "azureml/JobDecoder.h"
#include "azureml/StatusDecoder.h"
#include "common/JsonDocument.h"
#include "core/JobTypeError.h"
#include "pipeline_job/ErrorTranslation.h"
#include "pipeline_job/IsoTime.h"

namespace aifoundry::pipeline_job {
namespace {

bool hasText(const std::optional<std::string>& text) { return text && !text->empty(); }

}  // namespace

StatusSource::StatusSource(std::shared_ptr<const WorkspaceConnection> connection)
    : connection_(std::move(connection)), history_(connection_) {}

RunObservation StatusSource::fromHistory(const std::string& runId, azureml::RunHistoryRun run) {
  RunObservation observation;
  observation.source = RunObservation::Source::RunHistory;
  observation.job.name = runId;
  observation.job.status = run.status;
  if (run.createdUtc) observation.createdAtMs = parseIsoTimeMs(*run.createdUtc);
  observation.history = std::move(run);
  return observation;
}

RunObservation StatusSource::observe(const std::string& runId, const http::CallControl& control) const {
  if (connection_->settings().statusFromArmOnly) return readArm(runId, control);
  std::optional<azureml::RunHistoryRun> run = history_.run(runId, control);
  if (!run) {  // the reader logged why
    RunObservation observation = readArm(runId, control);
    observation.historyFailed = true;
    return observation;
  }
  if (!azureml::StatusDecoder::isRunHistoryStatus(run->status)) {
    if (connection_->log().debugEnabled())
      connection_->log().debug("poll: run '" + runId + "': Run History's status is not one it documents; " +
                               "reading the job from Resource Manager");
    return readArm(runId, control);
  }
  // The end of a run: ARM once, for the outputs and its own final status (with the times Run History gave).
  if (azureml::StatusDecoder::isTerminalStatus(run->status)) return readArm(runId, control, std::move(run));
  return fromHistory(runId, std::move(*run));
}

RunObservation StatusSource::readArm(const std::string& runId, const http::CallControl& control,
                                     std::optional<azureml::RunHistoryRun> known) const {
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
    // From the decoder's pass: a second walk of the reply for systemData would cost a poll more CPU.
    if (observation.job.createdAt) observation.createdAtMs = parseIsoTimeMs(*observation.job.createdAt);
  } catch (const azureml::AzureMlError& e) {
    throw translate(e);
  }
  if (observation.job.name.empty()) observation.job.name = runId;
  const azureml::RunState state = azureml::StatusDecoder::decode(observation.job.status);
  if (!azureml::StatusDecoder::isTerminal(state)) return observation;  // ARM's common case: one GET
  const bool failed = state == azureml::RunState::Failed;
  const bool needTimes = !observation.job.startTime || !observation.job.endTime;
  const bool needError = failed && !hasText(observation.job.errorMessage);
  if (known) {
    observation.history = std::move(known);  // the data plane already said it: no second read
  } else if (needTimes || needError) {
    observation.history = history_.run(runId, control);
  }
  if (needError && !(observation.history && !observation.history->errorMessage.empty())) {
    observation.failedStep = history_.firstFailedStep(runId, control);
  }
  return observation;
}

}  // namespace aifoundry::pipeline_job
