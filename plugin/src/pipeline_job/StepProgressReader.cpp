#include "pipeline_job/StepProgressReader.h"

#include "azureml/StepProgress.h"

namespace aifoundry::pipeline_job {

std::optional<core::StepProgress> StepProgressReader::of(const std::string& runId, std::size_t declaredSteps,
                                                         const http::CallControl& control) {
  return paced().get(runId, [&]() -> std::optional<core::StepProgress> {
    const auto children = history().children(runId, control);
    if (!children) return std::nullopt;
    return azureml::StepProgress::summarize(*children, declaredSteps, core::StepProgress::kMaxRunningNames);
  });
}

}  // namespace aifoundry::pipeline_job
