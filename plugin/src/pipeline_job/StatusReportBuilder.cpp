#include "pipeline_job/StatusReportBuilder.h"

#include <algorithm>

#include "arm/RateLimitState.h"
#include "azureml/FailureMessage.h"
#include "azureml/OutputMatcher.h"
#include "azureml/PollHint.h"
#include "azureml/StatusDecoder.h"
#include "http/Redactor.h"
#include "pipeline_job/IsoTime.h"

namespace aifoundry::pipeline_job {
namespace {

std::optional<std::int64_t> timeOf(const std::optional<std::string>& fromJob,
                                   const std::optional<std::string>& fromHistory) {
  if (fromJob) {
    if (auto ms = parseIsoTimeMs(*fromJob)) return ms;
  }
  if (fromHistory) return parseIsoTimeMs(*fromHistory);
  return std::nullopt;
}

std::vector<core::OutputValue> outputsOf(const azureml::Job& job,
                                         const std::vector<core::Parameter>& parameters) {
  std::vector<core::OutputValue> result;
  const bool anyWrittenBack = std::any_of(parameters.begin(), parameters.end(), [](const core::Parameter& p) {
    return core::isWrittenBack(p.direction);
  });
  if (!anyWrittenBack) {
    // No parameters named: report every output under its own name (value first, else uri).
    for (const azureml::JobOutput& output : job.outputs) {
      std::string value = output.value ? *output.value : output.uri;
      if (!value.empty()) result.push_back({output.name, std::move(value)});
    }
    return result;
  }
  for (azureml::OutputValue& matched : azureml::OutputMatcher::match(parameters, job.outputs)) {
    result.push_back({std::move(matched.parameterName), std::move(matched.value)});
  }
  return result;
}

std::string failureMessageOf(const RunObservation& observation, const std::string& monitorUrl) {
  azureml::FailureSources sources;
  if (observation.job.errorMessage && !observation.job.errorMessage->empty()) {
    sources.jobError = observation.job.errorMessage;
  }
  if (observation.history && !observation.history->errorMessage.empty()) {
    sources.runHistoryError = observation.history->errorMessage;
  }
  sources.failedStep = observation.failedStep;
  sources.monitorUrl = monitorUrl;
  // The run's own error text comes from the server, which may repeat a token or secret in it.
  return http::Redactor::redact(azureml::FailureMessage::compose(sources));
}

// What the next poll will spend, as last seen: ARM's reads when this one read ARM, and either plane's 429s.
azureml::PollBudget budgetOf(const RunObservation& observation, const WorkspaceConnection& connection) {
  azureml::PollBudget budget;
  const arm::ArmClient& arm = connection.arm();
  budget.readsArm = observation.source == RunObservation::Source::ResourceManager;
  if (auto reads = arm.remainingReads()) budget.remainingReads = static_cast<std::int64_t>(*reads);
  const std::int64_t now = arm::RateLimitState::steadyNowMs();
  if (auto at = arm.lastThrottledMs(arm::Plane::ResourceManager)) budget.msSinceArmThrottled = now - *at;
  if (auto at = arm.lastThrottledMs(arm::Plane::DataPlane)) budget.msSinceDataThrottled = now - *at;
  return budget;
}

}  // namespace

core::StatusReport StatusReportBuilder::build(const RunObservation& observation,
                                              const std::vector<core::Parameter>& parameters,
                                              const WorkspaceConnection& connection, std::int64_t nowMs) {
  const azureml::Job& job = observation.job;
  core::StatusReport report;
  report.rawStatus = job.status;
  report.state = azureml::StatusDecoder::decode(job.status);
  const auto& history = observation.history;
  report.startMs = timeOf(job.startTime, history ? history->startTimeUtc : std::nullopt);
  report.endMs = timeOf(job.endTime, history ? history->endTimeUtc : std::nullopt);
  if (!report.startMs) report.startMs = observation.liveStartMs;
  report.monitorUrl = connection.monitorUrl(job.studioEndpoint, job.name);
  if (report.state == core::RunState::Failed)
    report.message = failureMessageOf(observation, report.monitorUrl);
  if (core::isTerminal(report.state)) {
    report.outputs = outputsOf(job, parameters);
    return report;  // no further poll needed
  }
  report.progress = observation.progress;
  const std::optional<std::int64_t> since = report.startMs ? report.startMs : observation.createdAtMs;
  const std::int64_t ageSeconds = since ? std::max<std::int64_t>(0, (nowMs - *since) / 1000) : 0;
  report.nextPollMs =
      azureml::PollHint::nextDelayMs(report.state, ageSeconds, budgetOf(observation, connection));
  return report;
}

}  // namespace aifoundry::pipeline_job
