// The static description of the "AI Foundry Pipeline Job": id, display name and the JSON Schemas of its
// connection settings, job attributes and parameters, as the plugin's descriptor publishes them.
#pragma once

#include "core/JobType.h"

namespace aifoundry::pipeline_job {

// The pipeline job's JobTypeInfo with the given capabilities.
core::JobTypeInfo pipelineJobTypeInfo(const core::Capabilities& capabilities);

}  // namespace aifoundry::pipeline_job
