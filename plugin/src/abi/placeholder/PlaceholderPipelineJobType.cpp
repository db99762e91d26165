// The placeholder "AI Foundry Pipeline Job", linked only while plugin/src/pipeline_job/ does not define
// aifoundry::makePipelineJobType() (see plugin/src/abi/CMakeLists.txt). It publishes the real id, display
// name and schemas, validates settings in create(), and its instances answer Unsupported to everything
// else (the JobTypeInstance defaults) — so the ABI boundary is complete and testable on its own.
#include <memory>
#include <vector>

#include "abi/placeholder/PipelineSettingsCheck.h"
#include "core/PipelineJobTypeFactory.h"
#include "core/PipelineJobTypeInfo.h"

namespace aifoundry {
namespace {

class PlaceholderPipelineInstance final : public core::JobTypeInstance {
 public:
  explicit PlaceholderPipelineInstance(std::vector<core::Setting> settings) : settings_(std::move(settings)) {}

 private:
  std::vector<core::Setting> settings_;  // copied, as the ABI requires; SecretString values wipe themselves
};

class PlaceholderPipelineJobType final : public core::JobType {
 public:
  // No capabilities: nothing beyond create() is implemented yet.
  PlaceholderPipelineJobType() : info_(core::pipelineJobTypeInfo(core::Capabilities{})) {}

  const core::JobTypeInfo& info() const override { return info_; }

  std::unique_ptr<core::JobTypeInstance> create(const std::vector<core::Setting>& settings,
                                                core::CallContext&) override {
    abi::checkPipelineSettings(settings);
    return std::make_unique<PlaceholderPipelineInstance>(settings);
  }

 private:
  core::JobTypeInfo info_;
};

}  // namespace

std::unique_ptr<core::JobType> makePipelineJobType() { return std::make_unique<PlaceholderPipelineJobType>(); }

}  // namespace aifoundry
