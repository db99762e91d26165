// The ABI layer's hook (core/PipelineJobTypeFactory.h): the real job type with the default options.
#include "core/PipelineJobTypeFactory.h"

#include "pipeline_job/PipelineJobType.h"

namespace aifoundry {

std::unique_ptr<core::JobType> makePipelineJobType() { return pipeline_job::makePipelineJobType({}); }

}  // namespace aifoundry
