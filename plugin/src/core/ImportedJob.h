// ImportRequest and ImportedJob: what import_jobs looks for, and one job it found with its parameter schema.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/Parameter.h"

namespace aifoundry::core {

struct ImportRequest {
  std::string
      filter;  // job-type specific narrowing (pipelines: a tag key templates must carry); empty = none
};

struct ParameterSchema {
  std::string name;
  Direction direction = Direction::Input;
  DataType dataType = DataType::String;
  std::optional<std::string> defaultValue;  // an empty default is still a default
  std::string description;
  bool overridable = true;  // false: listed for information, a run may not set it (e.g. a data asset input)
};

struct ImportedJob {
  std::string externalId;  // the provider's stable id; handed back to run()
  std::string name;
  std::string description;
  std::string jobType;  // the job type's display name, e.g. "AI Foundry Pipeline Job"
  std::vector<ParameterSchema> parameters;
};

}  // namespace aifoundry::core
