// OutputMatcher: on a terminal status, the values written back to Output / Input&Output parameters
// (docs/azure-contract.md, "Poll"). Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "azureml/Job.h"
#include "core/Parameter.h"

namespace aifoundry::azureml {

struct OutputValue {
  std::string parameterName;
  std::string outputName;  // the Azure output it came from (may differ in case)
  std::string value;       // the output's `value` when it has one, else its `uri`
};

class OutputMatcher {
 public:
  // For each parameter that is written back, the output with the exact name, else the first whose name
  // matches case-insensitively. Parameters without a match, and outputs with neither value nor uri, are left
  // out. Result order = parameter order.
  static std::vector<OutputValue> match(const std::vector<core::Parameter>& parameters,
                                        const std::vector<JobOutput>& outputs);
};

}  // namespace aifoundry::azureml
