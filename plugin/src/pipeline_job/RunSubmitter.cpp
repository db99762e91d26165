#include "pipeline_job/RunSubmitter.h"

#include "azureml/AzureMlError.h"
#include "azureml/JobDecoder.h"
#include "azureml/JobName.h"
#include "azureml/PolysyncTags.h"
#include "azureml/RunName.h"
#include "azureml/TemplateCloner.h"
#include "common/JsonView.h"
#include "common/SettingNames.h"
#include "core/JobTypeError.h"
#include "pipeline_job/CallScope.h"
#include "pipeline_job/ErrorTranslation.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job {
namespace {

// The template's GET body, kept alive while views into it are used.
struct Template {
  std::string body;
  common::JsonView root;
  azureml::Job job;
};

std::string requestIdOf(const http::HttpResponse& response) {
  return response.headers.getOr("x-ms-request-id", "-");
}

bool lostAnswer(const http::HttpError& e) {
  return e.reason() == http::ErrorReason::Network || e.reason() == http::ErrorReason::Timeout ||
         e.reason() == http::ErrorReason::Unavailable || e.httpStatus() == 409;
}

Template readTemplate(const WorkspaceConnection& connection, const std::string& externalId,
                      const http::CallControl& control) {
  Template result;
  try {
    arm::ArmRequestOptions options;
    options.operation = "read template job '" + externalId + "'";
    result.body = connection.arm().get(connection.urls().jobUrl(externalId), control, options).body;
  } catch (const http::HttpError& e) {
    if (e.reason() != http::ErrorReason::NotFound) throw;
    throw core::JobTypeError(core::ErrorCode::NotFound,
                             "template job '" + externalId + "' was not found in " +
                                 connection.describeWorkspace() +
                                 "; re-import the jobs or correct the External Id (" + e.what() + ")");
  }
  result.root = common::JsonView::parse(result.body, "the template job '" + externalId + "'");
  result.job = azureml::JobDecoder::decode(result.root);
  if (!result.job.isPipeline()) {
    throw core::JobTypeError(core::ErrorCode::InvalidArgument,
                             "NotAPipeline: template job '" + externalId + "' is a " +
                                 (result.job.jobType.empty() ? std::string("job without a jobType")
                                                             : "'" + result.job.jobType + "' job") +
                                 ", not a pipeline; point the External Id at a pipeline job");
  }
  return result;
}

std::string computeOverrideOf(const core::RunRequest& request) {
  const core::Setting* attribute =
      core::findSetting(request.attributes, common::settings::kComputeNameAttribute);
  return attribute ? std::string(attribute->value.view()) : std::string();
}

// The PUT body: the template cloned with the request's parameters, display name, compute and tags. Building
// it validates every parameter before anything is submitted. The template's text is freed once the body
// exists (its decoded `job` stays): a run's peak then holds one copy of a multi-megabyte template fewer.
common::SecretString buildBody(Template& tmpl, const core::RunRequest& request,
                               const azureml::WorkspaceRef& workspace) {
  azureml::CloneRequest clone;
  clone.templateName = request.externalId;
  clone.displayName = request.displayName;
  clone.computeOverride = computeOverrideOf(request);
  if (!request.idempotencyKey.empty()) clone.idempotencyKey = request.idempotencyKey;
  clone.parameters = request.parameters;
  common::SecretString body = azureml::TemplateCloner(workspace).buildRequestBody(tmpl.root, clone);
  tmpl.root = common::JsonView();
  std::string().swap(tmpl.body);
  return body;
}

// With an idempotency key the name is derived from (template, key), so a repeated attempt finds its run;
// without one it ends in a random suffix.
std::string runNameFor(const core::RunRequest& request) {
  return request.idempotencyKey.empty()
             ? azureml::RunName::withRandomSuffix(request.externalId)
             : azureml::RunName::forIdempotencyKey(request.externalId, request.idempotencyKey);
}

}  // namespace

std::optional<core::RunResult> RunSubmitter::existingRun(const std::string& name,
                                                         const std::string& idempotencyKey,
                                                         const http::CallControl& control) const {
  http::HttpResponse response;
  try {
    arm::ArmRequestOptions options;
    options.operation = "look for run '" + name + "' of an earlier attempt";
    options.routineStatuses = {404};  // the usual answer: no earlier attempt got through
    response = connection().arm().get(connection().urls().jobUrl(name), control, options);
  } catch (const http::HttpError& e) {
    if (e.reason() == http::ErrorReason::NotFound) return std::nullopt;
    throw;
  }
  const azureml::Job job = azureml::JobDecoder::decode(response.body, "the run '" + name + "'");
  const std::string* key = job.tag(azureml::tags::kIdempotencyKey);
  if (key == nullptr || *key != idempotencyKey) {
    throw core::JobTypeError(core::ErrorCode::Rejected,
                             "a job named '" + name +
                                 "' already exists but was not submitted with this "
                                 "idempotency key; use a new idempotency key");
  }
  return core::RunResult{name, connection().monitorUrl(job.studioEndpoint, name)};
}

core::RunResult RunSubmitter::run(core::CallContext& ctx, const core::RunRequest& request) const {
  CallScope scope(ctx);
  try {
    azureml::JobName::checkExisting(request.externalId, "External Id");
    Template tmpl = readTemplate(connection(), request.externalId, scope.control());
    const common::SecretString body = buildBody(tmpl, request, connection().settings().workspace);
    const std::string name = runNameFor(request);
    if (!request.idempotencyKey.empty()) {
      if (auto existing = existingRun(name, request.idempotencyKey, scope.control())) {
        connection().log().info("run: run '" + existing->runId + "' of template '" + request.externalId +
                                "' already exists for this idempotency key; not submitting again");
        return *existing;
      }
    }
    ctx.throwIfStopped();
    return submit(name, body, tmpl.job.needsAmlToken(), request, scope.control());
  } catch (...) {
    rethrowTranslated();
  }
}

core::RunResult RunSubmitter::submit(const std::string& name, const common::SecretString& body,
                                     bool attachAzureMlToken, const core::RunRequest& request,
                                     const http::CallControl& control) const {
  const bool keyed = !request.idempotencyKey.empty();
  arm::ArmRequestOptions options;
  options.operation = "submit run '" + name + "' of template '" + request.externalId + "'";
  // Repeating the PUT is harmless only when the name is deterministic (an idempotency key).
  options.idempotent = keyed;
  options.attachAzureMlToken = attachAzureMlToken;
  http::HttpResponse response;
  try {
    response = connection().arm().put(connection().urls().jobUrl(name), body, control, options);
  } catch (const http::HttpError& e) {
    if (!keyed || !lostAnswer(e)) throw;
    // The PUT may have been applied without us hearing of it: the job itself is the answer.
    if (auto existing = existingRun(name, request.idempotencyKey, control)) {
      connection().log().info("run: the answer to submitting '" + name + "' was lost, but the run exists");
      return *existing;
    }
    throw;
  }
  return submitted(name, request.externalId, response);
}

core::RunResult RunSubmitter::submitted(const std::string& name, const std::string& externalId,
                                        const http::HttpResponse& response) const {
  std::string studioEndpoint;
  try {
    studioEndpoint = azureml::JobDecoder::decode(response.body, "the submitted run").studioEndpoint;
  } catch (const azureml::AzureMlError&) {
    // The run exists; a reply we cannot read only costs the service's own Studio link.
  }
  connection().log().info("run: submitted run '" + name + "' of template '" + externalId + "' (HTTP " +
                          std::to_string(response.status) + ", x-ms-request-id: " + requestIdOf(response) +
                          ")");
  return core::RunResult{name, connection().monitorUrl(studioEndpoint, name)};
}

}  // namespace aifoundry::pipeline_job
