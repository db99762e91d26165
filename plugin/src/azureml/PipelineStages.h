// PipelineStages: the start and end time of a finished pipeline, read from the server key
// properties.properties["azureml.pipelines.stages"] (docs/azure-contract.md, "The jobs API"). Azure writes
// it once a pipeline has run, as a JSON document inside a string:
//   {"Initialization":null,"Execution":{"StartTime":"…","EndTime":"…","Status":"Finished"}}
// The job resource has no other start/end time, so without this a poll of a finished run needs Run History.
// Lenient: a missing key, a value that is not a string, or a string that is not the expected JSON yields
// nothing (never an error: the key is informational). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "common/JsonView.h"

namespace aifoundry::azureml {

struct StageTimes {
  std::optional<std::string> startTime, endTime;
};

class PipelineStages {
 public:
  static constexpr const char* kKey = "azureml.pipelines.stages";

  // `serverProperties`: the job's properties.properties object.
  static StageTimes executionTimes(common::JsonView serverProperties);
};

}  // namespace aifoundry::azureml
