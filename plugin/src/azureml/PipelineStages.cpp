#include "azureml/PipelineStages.h"

#include "azureml/AzureMlError.h"

namespace aifoundry::azureml {

StageTimes PipelineStages::executionTimes(common::JsonView serverProperties) {
  StageTimes times;
  const std::optional<common::JsonView> stages = serverProperties.member(kKey);
  if (!stages || !stages->isString()) return times;
  const std::string text = stages->text();
  try {
    const std::optional<common::JsonView> execution =
        common::JsonView::parse(text, "azureml.pipelines.stages").member("Execution");
    if (!execution || !execution->isObject()) return times;
    times.startTime = common::nonEmptyTextOf(execution->member("StartTime"));
    times.endTime = common::nonEmptyTextOf(execution->member("EndTime"));
  } catch (const AzureMlError&) {
    // Not JSON: the key says nothing usable, and the run's status stands without it.
  }
  return times;
}

}  // namespace aifoundry::azureml
