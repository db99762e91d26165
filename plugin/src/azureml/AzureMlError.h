// AzureMlError: the one exception type of the pure azureml/ layer. It carries a stable, Azure-style code
// (the constants below) and a one-line message that says what went wrong and what to do. Messages never
// contain the value of a Secret parameter. Immutable once thrown; safe to copy across threads.
#pragma once

#include <stdexcept>
#include <string>

namespace aifoundry::azureml {

// Stable error codes. Callers (pipeline_job/, the ABI layer) map them to PSJ_E_* codes.
namespace errc {
inline constexpr const char* InputNotFound = "InputNotFound";  // name not a literal input of the template
inline constexpr const char* InvalidParameterValue =
    "InvalidParameterValue";  // value cannot become a literal Azure accepts
inline constexpr const char* InvalidParameterDefinition =
    "InvalidParameterDefinition";                                // bad direction/type name, duplicate
inline constexpr const char* InvalidSetting = "InvalidSetting";  // a connection/job attribute is malformed
inline constexpr const char* InvalidJobName = "InvalidJobName";  // a job name / RunId that Azure cannot hold
inline constexpr const char* NotAPipeline = "NotAPipeline";      // the template is not a pipeline job
inline constexpr const char* InvalidJson =
    "InvalidJson";  // a reply or value is not JSON (or not the shape expected)
}  // namespace errc

class AzureMlError : public std::runtime_error {
 public:
  AzureMlError(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const noexcept { return code_; }

 private:
  std::string code_;
};

}  // namespace aifoundry::azureml
