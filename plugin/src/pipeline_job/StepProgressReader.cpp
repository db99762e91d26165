#include "pipeline_job/StepProgressReader.h"

#include "azureml/StepProgress.h"

namespace aifoundry::pipeline_job {

std::optional<core::StepProgress> StepProgressReader::of(const std::string& runId, std::size_t declaredSteps,
                                                         const http::CallControl& control) {
  return reads_.get(runId, [&]() -> std::optional<core::StepProgress> {
    const auto children = history_.children(runId, control);
    if (!children) return std::nullopt;
    const azureml::StepCounts counts =
        azureml::StepProgress::summarize(*children, declaredSteps, core::StepProgress::kMaxRunningNames);
    core::StepProgress progress;
    progress.total = counts.total;
    progress.completed = counts.completed;
    progress.running = counts.running;
    progress.failed = counts.failed;
    progress.skipped = counts.skipped;
    progress.runningNames = counts.runningNames;
    return progress;
  });
}

}  // namespace aifoundry::pipeline_job
