// FailureMessage: the one-line message of a failed run, never empty (docs/azure-contract.md, "Poll"):
// the job's own error -> the Run History run's error -> "step 'X' failed: ..." from the first failed child ->
// "Azure ML reported no failure detail; open the Monitor URL: ...". Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "azureml/RunHistoryDecoder.h"

namespace aifoundry::azureml {

struct FailureSources {
  std::optional<std::string> jobError;         // properties.error.message
  std::optional<std::string> runHistoryError;  // the run's error.error.message
  std::optional<StepFailure> failedStep;       // RunHistoryDecoder::firstFailedStep
  std::string monitorUrl;
};

class FailureMessage {
 public:
  static constexpr std::size_t kMaxLength = 2000;
  static std::string compose(const FailureSources& sources);
};

}  // namespace aifoundry::azureml
