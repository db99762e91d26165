// TemplateCloner: template job (the GET body) + a run request -> the body of the PUT that submits the run
// (docs/azure-contract.md, Run steps 2-4).
//
// The body is {"properties":{...}} with: jobType, description, experimentName, identity, settings and jobs
// copied as the template's exact text (raw splice: key order, number spelling and escapes are
// untouched, and the possibly megabytes-large `jobs` is never parsed into a tree); displayName = the
// request's; outputs = the template's, with paths the service resolved for the template's own name put
// back as `${{name}}` (OutputRebinder: a run must not write into the template's folder); computeId = the
// override when set, else the template's; inputs = the template's with the parameters overlaid
// (InputOverlay); tags = the template's (minus any "polysync.*" key) plus polysync.template and, with a key,
// polysync.idempotencyKey. Nothing read-only or server-filled (id, name, type, systemData, status, services,
// properties, ...) is sent. Stateless apart from the workspace; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "azureml/WorkspaceRef.h"
#include "common/JsonView.h"
#include "common/SecretString.h"
#include "core/Parameter.h"

namespace aifoundry::azureml {

struct CloneRequest {
  std::string templateName;     // the template's job name (External Id): tag + messages
  std::string displayName;      // the Polysync job name; "" keeps the template's displayName
  std::string computeOverride;  // "AI Foundry Compute Name": "" = template's; bare name or ARM id
  std::optional<std::string> idempotencyKey;  // the host's key, when it passed one
  std::vector<core::Parameter> parameters;    // all of the run's parameters (Output ones are ignored)
};

class TemplateCloner {
 public:
  explicit TemplateCloner(WorkspaceRef workspace) : workspace_(std::move(workspace)) {}

  // Throws AzureMlError: InvalidJson (not JSON / no properties object), NotAPipeline (jobType is not
  // Pipeline), InputNotFound / InvalidParameterValue / InvalidParameterDefinition (InputOverlay),
  // InvalidSetting (compute).
  // The body holds the run's Secret values, so it comes in a SecretString.
  common::SecretString buildRequestBody(std::string_view templateJson, const CloneRequest& request) const;

  // The same from an already parsed template (avoids validating a large template twice).
  common::SecretString buildRequestBody(common::JsonView templateRoot, const CloneRequest& request) const;

 private:
  WorkspaceRef workspace_;
};

}  // namespace aifoundry::azureml
