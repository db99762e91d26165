// The hook between the ABI layer and the "AI Foundry Pipeline Job" logic. plugin/src/pipeline_job/
// (target aifoundry_pipeline_job) defines makePipelineJobType(); until it exists, plugin/src/abi/ links a
// placeholder whose instances answer Unsupported. The ABI layer calls it once, from the plugin's init().
#pragma once

#include <memory>

#include "core/JobType.h"

namespace aifoundry {

std::unique_ptr<core::JobType> makePipelineJobType();

}  // namespace aifoundry
