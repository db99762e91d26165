// ParameterConversion: core::Parameter (the host's, values in SecretString) -> azureml::Parameter (the pure
// layer's, values in std::string), and the imported schema back to core's types.
//
// The plain copies hold Secret values outside a SecretString: callers keep them only while the request body
// is built and wipe them with wipeValues() (ParametersWipe does it on scope exit).
#pragma once

#include <vector>

#include "azureml/ImportedJobSchema.h"
#include "azureml/Parameter.h"
#include "core/ImportedJob.h"
#include "core/Parameter.h"

namespace aifoundry::pipeline_job {

std::vector<azureml::Parameter> plainParameters(const std::vector<core::Parameter>& parameters);
void wipeValues(std::vector<azureml::Parameter>& parameters) noexcept;

// Wipes the values of `parameters` when the scope ends, however it ends.
class ParametersWipe {
 public:
  explicit ParametersWipe(std::vector<azureml::Parameter>& parameters) noexcept : parameters_(parameters) {}
  ~ParametersWipe() { wipeValues(parameters_); }
  ParametersWipe(const ParametersWipe&) = delete;
  ParametersWipe& operator=(const ParametersWipe&) = delete;

 private:
  std::vector<azureml::Parameter>& parameters_;
};

// Output parameters carry no value, so their names are all OutputMatcher needs (no secret is copied).
std::vector<azureml::Parameter> writtenBackParameters(const std::vector<core::Parameter>& parameters);

core::ImportedJob toCoreImportedJob(const azureml::ImportedJob& job);

}  // namespace aifoundry::pipeline_job
