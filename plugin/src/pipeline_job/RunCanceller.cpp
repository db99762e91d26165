#include "pipeline_job/RunCanceller.h"

#include "azureml/StatusDecoder.h"
#include "common/SecretString.h"
#include "pipeline_job/CallScope.h"
#include "pipeline_job/ErrorTranslation.h"

namespace aifoundry::pipeline_job {
namespace {

constexpr const char* kCancelRequested = "CancelRequested";

bool isFinished(const RunObservation& observation) {
  return azureml::StatusDecoder::isTerminalStatus(observation.job.status);
}

}  // namespace

core::StatusReport RunCanceller::cancel(core::CallContext& ctx, const core::RunRef& run) const {
  checkRunId(run.runId);
  CallScope scope(ctx);
  try {
    RunObservation before = poller_.observe(run.runId, scope.control());
    if (isFinished(before)) {
      connection_->log().info("cancel: run '" + run.runId + "' had already finished (" + before.job.status +
                              ")");
      return poller_.report(before, run);
    }
    arm::ArmRequestOptions options;
    options.operation = "cancel run '" + run.runId + "'";
    options.idempotent = true;  // asking twice to cancel is harmless, so a lost reply may be retried
    try {
      const http::HttpResponse response = connection_->arm().post(
          connection_->urls().cancelUrl(run.runId), common::SecretString(), scope.control(), options);
      connection_->log().info("cancel: run '" + run.runId + "' accepted (HTTP " +
                              std::to_string(response.status) +
                              ", x-ms-request-id: " + response.headers.getOr("x-ms-request-id", "-") + ")");
    } catch (const http::HttpError& e) {
      if (e.reason() != http::ErrorReason::Rejected && e.reason() != http::ErrorReason::NotFound) throw;
      // Refused: most likely the run finished meanwhile. Its final status is the answer; otherwise the
      // refusal stands.
      RunObservation after = poller_.observe(run.runId, scope.control());
      if (isFinished(after)) return poller_.report(after, run);
      throw;
    }
    core::StatusReport report = poller_.report(before, run);
    report.state = core::RunState::Running;
    report.rawStatus = kCancelRequested;
    report.message.clear();
    return report;
  } catch (...) {
    rethrowTranslated();
  }
}

}  // namespace aifoundry::pipeline_job
