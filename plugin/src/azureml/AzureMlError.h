// AzureMlError: the exception of the pure azureml/ layer, the same type as the foundation's CodedError (so a
// caller maps JSON and domain errors by one code). The codes below are azureml's; InvalidJson and
// InvalidSetting come from the foundation.
#pragma once

#include "common/CodedError.h"

namespace aifoundry::azureml {

// Stable error codes. Callers (pipeline_job/, the ABI layer) map them to PSJ_E_* codes.
namespace errc {
using common::errc::InvalidJson;
using common::errc::InvalidSetting;
inline constexpr const char* InputNotFound = "InputNotFound";  // name not a literal input of the template
inline constexpr const char* InvalidParameterValue =
    "InvalidParameterValue";  // value cannot become a literal Azure accepts
inline constexpr const char* InvalidParameterDefinition =
    "InvalidParameterDefinition";                                // bad direction/type name, duplicate
inline constexpr const char* InvalidJobName = "InvalidJobName";  // a job name / RunId that Azure cannot hold
inline constexpr const char* NotAPipeline = "NotAPipeline";      // the template is not a pipeline job
}  // namespace errc

using AzureMlError = common::CodedError;

}  // namespace aifoundry::azureml
