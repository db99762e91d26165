// RunSubmitter: run() — submits one pipeline run cloned from its template (docs/azure-contract.md, "Run").
//   1. GET the template (External Id): not found, or not a pipeline, is a clear error naming it.
//   2. Build the body (TemplateCloner: clone + overlay + compute + polysync.* tags). Every parameter is
//      checked here, before anything is submitted (InputNotFound, asset inputs, values Azure would refuse).
//   3. PUT {workspace}/jobs/{name} with x-azureml-token when the job runs as the submitter.
// Exactly once: with an idempotency key the name is derived from (template, key), so
//   - before the PUT, a job of that name carrying the same key means an earlier attempt got through
//     (a retry after a timeout, or after the host died between sending the PUT and reading its answer):
//     its name is returned and nothing is submitted;
//   - the PUT itself is marked idempotent for the transport, so a lost reply is retried (Azure answers the
//     repeated PUT of the same body with 200);
//   - if the PUT still fails without an answer (or conflicts), the name is read once more before failing.
// Without a key the name ends in a random suffix and the PUT is never repeated.
// Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "common/SecretString.h"
#include "core/CallContext.h"
#include "core/RunRequest.h"
#include "core/RunResult.h"
#include "pipeline_job/WorkspaceOperation.h"

namespace aifoundry::pipeline_job {

class RunSubmitter : private WorkspaceOperation {
 public:
  using WorkspaceOperation::WorkspaceOperation;

  core::RunResult run(core::CallContext& ctx, const core::RunRequest& request) const;

 private:
  // The run an earlier attempt with this key already created, if any.
  std::optional<core::RunResult> existingRun(const std::string& name, const std::string& idempotencyKey,
                                             const http::CallControl& control) const;
  // PUTs the body as run `name`; with a key, a lost answer is settled by looking for the run.
  core::RunResult submit(const std::string& name, const common::SecretString& body, bool attachAzureMlToken,
                         const core::RunRequest& request, const http::CallControl& control) const;
  // Logs the submission and makes the result from the PUT's reply.
  core::RunResult submitted(const std::string& name, const std::string& externalId,
                            const http::HttpResponse& response) const;
};

}  // namespace aifoundry::pipeline_job
