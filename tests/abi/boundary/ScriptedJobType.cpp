#include "ScriptedJobType.h"

#include <memory>

#include "core/PipelineJobTypeFactory.h"
#include "pipeline_job/PipelineJobTypeInfo.h"

namespace abitest {
namespace {

using namespace aifoundry::core;

std::unique_ptr<Script>& current() {
  static std::unique_ptr<Script> instance = std::make_unique<Script>();
  return instance;
}

class ScriptedInstance final : public JobTypeInstance {
 public:
  ScriptedInstance() { ++script().liveInstances; }
  ~ScriptedInstance() override { --script().liveInstances; }

  std::string testConnection(CallContext& ctx) override {
    if (!script().onTestConnection) return JobTypeInstance::testConnection(ctx);
    return script().onTestConnection(ctx);
  }
  void importJobs(CallContext& ctx, const ImportRequest& request, const ImportEmitter& emit) override {
    if (!script().onImport) return JobTypeInstance::importJobs(ctx, request, emit);
    script().onImport(ctx, request, emit);
  }
  RunResult run(CallContext& ctx, const RunRequest& request) override {
    script().lastRun = request;
    if (!script().onRun) return JobTypeInstance::run(ctx, request);
    return script().onRun(ctx, request);
  }
  StatusReport poll(CallContext& ctx, const RunRef& ref) override {
    script().lastRef = ref;
    if (!script().onPoll) return JobTypeInstance::poll(ctx, ref);
    return script().onPoll(ctx, ref);
  }
};

class ScriptedJobType final : public JobType {
 public:
  ScriptedJobType()
      : info_(
            aifoundry::pipeline_job::pipelineJobTypeInfo(Capabilities{true, true, false, true, true, true})) {
  }
  const JobTypeInfo& info() const override { return info_; }
  std::unique_ptr<JobTypeInstance> create(const std::vector<Setting>& settings, CallContext& ctx) override {
    script().lastSettings = settings;
    if (script().onCreate) script().onCreate(settings, ctx);
    return std::make_unique<ScriptedInstance>();
  }

 private:
  JobTypeInfo info_;
};

}  // namespace

Script& script() { return *current(); }
void resetScript() { current() = std::make_unique<Script>(); }

}  // namespace abitest

std::unique_ptr<aifoundry::core::JobType> aifoundry::makePipelineJobType() {
  return std::make_unique<abitest::ScriptedJobType>();
}
