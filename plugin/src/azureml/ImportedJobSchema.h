// ImportedJobSchema: a template Job -> the Polysync Job that discovery hands to the host
// (docs/azure-contract.md, "Job discovery"). Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "azureml/Job.h"
#include "core/ImportedJob.h"

namespace aifoundry::azureml {

inline constexpr const char* kJobTypeName = "AI Foundry Pipeline Job";

class ImportedJobSchema {
 public:
  // externalId = the template's job name; name = its displayName, or the job name when that is empty.
  // Every input -> an Input parameter of type String (Azure literals are text): a literal's default is its
  // value (even when empty), an asset input (uri_folder, ...) has no default and is not overridable. Every
  // output -> an Output parameter (not overridable). A name that is both a literal input and an output
  // becomes one Input&Output parameter. Parameters: inputs in document order, then outputs.
  static core::ImportedJob from(const Job& job);
};

}  // namespace aifoundry::azureml
