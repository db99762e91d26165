// ComputeId: the job attribute "AI Foundry Compute Name" -> the computeId Azure ML expects.
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "azureml/WorkspaceRef.h"

namespace aifoundry::azureml {

class ComputeId {
 public:
  // "" (after trimming) -> "" (keep the template's computeId).
  // A full ARM id (starts with '/') -> as is.
  // A bare name (optionally "azureml:name", the CLI's spelling) -> "{workspace armId}/computes/{name}".
  // A bare name must be 1-255 letters, digits, '_' or '-'; otherwise AzureMlError(InvalidSetting) naming the
  // attribute.
  static std::string resolve(std::string_view attribute, const WorkspaceRef& workspace);
};

}  // namespace aifoundry::azureml
