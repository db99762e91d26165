// PipelineJobType: the "AI Foundry Pipeline Job" job type — its static description and the factory of
// connections. create() validates every setting without network access.
// Threads: info() and create() may be called concurrently.
#pragma once

#include <memory>
#include <vector>

#include "core/JobType.h"
#include "pipeline_job/PipelineJobOptions.h"

namespace aifoundry::pipeline_job {

class PipelineJobType final : public core::JobType {
 public:
  explicit PipelineJobType(PipelineJobOptions options = {});

  const core::JobTypeInfo& info() const override { return info_; }
  std::unique_ptr<core::JobTypeInstance> create(const std::vector<core::Setting>& settings,
                                                core::CallContext& ctx) override;

 private:
  PipelineJobOptions options_;
  core::JobTypeInfo info_;
};

// The job type with options (tests); aifoundry::makePipelineJobType() is this with the defaults.
std::unique_ptr<core::JobType> makePipelineJobType(PipelineJobOptions options);

}  // namespace aifoundry::pipeline_job
