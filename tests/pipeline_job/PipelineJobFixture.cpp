#include "PipelineJobFixture.h"

#include <chrono>
#include <thread>

#include "pipeline_job/PipelineJobType.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {

namespace names = pipeline_job::names;

azureml_emulator::EmulatorOptions PipelineJobTest::makeOptions() {
  azureml_emulator::EmulatorOptions options;
  options.https = true;
  options.stepMillis = 15;
  return options;
}

void PipelineJobTest::SetUp() {
  emulator = std::make_unique<azureml_emulator::Emulator>(makeOptions());
  emulator->registerClientSecret(emulator->options().tenant, kClientId, kClientSecret);
  emulator->start();
  PipelineJobOptions options;
  options.retry.maxRetries = 2;
  options.retry.baseDelay = std::chrono::milliseconds(1);
  options.retry.maxDelay = std::chrono::milliseconds(20);
  options.environment = [](const std::string&) { return std::optional<std::string>(); };
  options.liveDetailInterval = liveDetailInterval;
  jobType = makePipelineJobType(options);
  host = std::make_unique<RecordingHost>();
  instance = connect();
}

void PipelineJobTest::TearDown() {
  instance.reset();
  emulator.reset();
}

Settings PipelineJobTest::baseSettings() const {
  const auto& o = emulator->options();
  return {
      {std::string(common::settings::kSubscriptionId), o.subscription},
      {std::string(common::settings::kResourceGroupName), o.resourceGroup},
      {std::string(common::settings::kWorkspaceName), o.workspace},
      {std::string(common::settings::kAuthenticationMethod),
       std::string(common::settings::kServicePrincipal)},
      {std::string(common::settings::kTenantId), o.tenant},
      {std::string(common::settings::kClientId), kClientId},
      {std::string(common::settings::kClientSecret), kClientSecret},
      {std::string(common::settings::kResourceManagerEndpoint), emulator->baseUrl()},
      {std::string(common::settings::kAuthorityHost), emulator->baseUrl()},
      {std::string(common::settings::kCaBundlePath), emulator->caCertPath()},
      {std::string(common::settings::kRequestTimeoutSeconds), "20"},
  };
}

std::vector<core::Setting> PipelineJobTest::settings(const Settings& changes) const {
  Settings all = baseSettings();
  for (const auto& [key, value] : changes) {
    if (value.empty()) {
      all.erase(key);
    } else {
      all[key] = value;
    }
  }
  std::vector<core::Setting> result;
  for (const auto& [key, value] : all) {
    result.push_back(core::Setting{key, common::SecretString(value), key == common::settings::kClientSecret});
  }
  return result;
}

core::ManualCallContext PipelineJobTest::context() {
  return core::ManualCallContext(*host, std::chrono::seconds(30));
}

std::unique_ptr<core::JobTypeInstance> PipelineJobTest::connect(const Settings& changes) {
  auto ctx = context();
  return jobType->create(settings(changes), ctx);
}

std::string PipelineJobTest::testConnection(core::JobTypeInstance* target) {
  auto ctx = context();
  return (target ? target : instance.get())->testConnection(ctx);
}

std::vector<core::ImportedJob> PipelineJobTest::importJobs(const std::string& filter,
                                                           core::JobTypeInstance* target) {
  std::vector<core::ImportedJob> jobs;
  auto ctx = context();
  core::ImportRequest request;
  request.filter = filter;
  (target ? target : instance.get())->importJobs(ctx, request, [&](const core::ImportedJob& job) {
    jobs.push_back(job);
    return true;
  });
  return jobs;
}

core::RunResult PipelineJobTest::run(const core::RunRequest& request, core::JobTypeInstance* target) {
  auto ctx = context();
  return (target ? target : instance.get())->run(ctx, request);
}

core::StatusReport PipelineJobTest::poll(const std::string& runId,
                                         const std::vector<core::Parameter>& parameters,
                                         core::JobTypeInstance* target) {
  auto ctx = context();
  return (target ? target : instance.get())->poll(ctx, core::RunRef{runId, parameters});
}

core::StatusReport PipelineJobTest::cancel(const std::string& runId, core::JobTypeInstance* target) {
  auto ctx = context();
  return (target ? target : instance.get())->cancel(ctx, core::RunRef{runId, {}});
}

core::StatusReport PipelineJobTest::pollUntilRunning(const std::string& runId,
                                                     core::JobTypeInstance* target) {
  for (int i = 0; i < 1000; ++i) {
    core::StatusReport report = poll(runId, {}, target);
    if (report.rawStatus == "Running") return report;
    EXPECT_FALSE(core::isTerminal(report.state)) << report.rawStatus;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ADD_FAILURE() << "run " << runId << " never ran";
  return {};
}

std::vector<core::StatusReport> PipelineJobTest::pollUntilTerminal(
    const std::string& runId, const std::vector<core::Parameter>& parameters) {
  std::vector<core::StatusReport> reports;
  for (int i = 0; i < 2000; ++i) {
    reports.push_back(poll(runId, parameters));
    if (core::isTerminal(reports.back().state)) return reports;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ADD_FAILURE() << "run " << runId << " did not finish";
  return reports;
}

core::JobTypeError PipelineJobTest::expectError(const std::function<void()>& call) {
  try {
    call();
  } catch (const core::JobTypeError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a JobTypeError";
  return core::JobTypeError(core::ErrorCode::Internal, "no error");
}

core::Parameter PipelineJobTest::input(const std::string& name, const std::string& value,
                                       core::DataType type) {
  core::Parameter p;
  p.name = name;
  p.direction = core::Direction::Input;
  p.dataType = type;
  p.value = common::SecretString(value);
  p.secret = type == core::DataType::Secret;
  return p;
}

core::Parameter PipelineJobTest::output(const std::string& name, core::Direction direction) {
  core::Parameter p;
  p.name = name;
  p.direction = direction;
  return p;
}

core::RunRequest PipelineJobTest::request(const std::string& externalId,
                                          std::vector<core::Parameter> parameters,
                                          const std::string& idempotencyKey) {
  core::RunRequest r;
  r.externalId = externalId;
  r.displayName = "Polysync nightly " + externalId;
  r.idempotencyKey = idempotencyKey;
  r.parameters = std::move(parameters);
  return r;
}

std::vector<azureml_emulator::JournalEntry> PipelineJobTest::journal(const std::string& route) const {
  return emulator->journal().entries(route);
}

void PipelineJobTest::clearJournal() const { emulator->journal().clear(); }

void PipelineJobTest::slowNextAnswer(const std::string& route) const {
  azureml_emulator::Fault slow;
  slow.route = route;
  slow.kind = azureml_emulator::FaultKind::Trickle;
  slow.delayMs = 40;
  slow.chunkBytes = 256;
  emulator->faults().add(slow);
}

void PipelineJobTest::addTemplate(const std::string& name, const std::string& tagsJson,
                                  const std::string& inputsJson, const std::string& outputsJson) {
  const std::string compute = emulator->workspaceArmId() + "/computes/cpu-cluster";
  emulator->workspace().addTemplate(
      name,
      R"({"jobType":"Pipeline","displayName":")" + name + R"(","experimentName":"tests","computeId":")" +
          compute + R"(","tags":)" + tagsJson + R"(,"inputs":)" + inputsJson + R"(,"outputs":)" +
          outputsJson +
          R"(,"jobs":{"first_step":{"type":"command","component":"azureml:first:1","inputs":{"greeting":{"job_input_type":"literal","value":"${{parent.inputs.greeting}}"}}},)"
          R"("second_step":{"type":"command","component":"azureml:second:1","outputs":{"out":"${{parent.outputs.result}}"}}},)"
          R"("settings":{"default_compute":")" +
          compute + R"(","continue_on_step_failure":false}})");
}

}  // namespace aifoundry::pipeline_job::testing
