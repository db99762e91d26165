// The static description of the "AI Foundry Pipeline Job": id, display name and the JSON Schemas of its
// connection settings, job attributes and parameters. One definition serves the real job type
// (plugin/src/pipeline_job/) and the ABI layer's placeholder, so both publish the same contract.
#pragma once

#include "core/JobType.h"

namespace aifoundry::core {

// The pipeline job's JobTypeInfo with the given capabilities.
JobTypeInfo pipelineJobTypeInfo(const Capabilities& capabilities);

}  // namespace aifoundry::core
