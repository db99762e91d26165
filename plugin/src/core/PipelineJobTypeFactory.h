// The hook between the ABI layer and the "AI Foundry Pipeline Job": plugin/src/pipeline_job/ (target
// aifoundry_pipeline_job) defines makePipelineJobType(); the ABI layer calls it once, from the plugin's
// init(). Tests of the ABI layer link a scripted job type of their own instead.
#pragma once

#include <memory>

#include "core/JobType.h"

namespace aifoundry {

std::unique_ptr<core::JobType> makePipelineJobType();

}  // namespace aifoundry
