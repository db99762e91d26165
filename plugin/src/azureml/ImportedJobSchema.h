// ImportedJobSchema: a template Job -> the Polysync Job that discovery hands to the host
// (docs/azure-contract.md, "Job discovery"). Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "azureml/Job.h"
#include "azureml/Parameter.h"

namespace aifoundry::azureml {

inline constexpr const char* kJobTypeName = "AI Foundry Pipeline Job";

struct ImportedParameter {
  std::string name;
  Direction direction = Direction::Input;
  DataType type = DataType::String;  // Azure literals are text; String is the faithful type
  std::string defaultValue;          // a literal input's current value; "" otherwise
  bool overridable = true;           // false for asset inputs (uri_folder, ...) and pure outputs
  std::string azureType;             // jobInputType / jobOutputType, e.g. "literal", "uri_folder"
  std::string description;
};

struct ImportedJob {
  std::string externalId;  // the template's job name
  std::string name;        // displayName, or the job name when empty
  std::string description;
  std::string jobType = kJobTypeName;
  std::vector<ImportedParameter> parameters;  // inputs (document order), then outputs
};

class ImportedJobSchema {
 public:
  // Every input -> Input parameter (literal: default = its value; asset: overridable = false); every output
  // -> Output parameter. A name that is both a literal input and an output becomes one Input&Output
  // parameter.
  static ImportedJob from(const Job& job);
};

}  // namespace aifoundry::azureml
