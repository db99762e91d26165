// The ABI layer in-process, around a scripted job type: what crosses the boundary, in both directions, and
// that nothing but a status code and a copied message leaves it when the job type throws.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <future>
#include <mutex>
#include <new>
#include <stdexcept>
#include <thread>

#include "CRequests.h"
#include "RecordingSinks.h"
#include "ScriptedJobType.h"
#include "TestCallContext.h"
#include "TestHost.h"
#include "core/HostServices.h"
#include "core/JobTypeError.h"
#include "polysync/jobtype_v1.h"

namespace abitest {
namespace {

using namespace std::chrono_literals;
namespace core = aifoundry::core;

class Boundary : public ::testing::Test {
 protected:
  void SetUp() override {
    resetScript();
    ASSERT_EQ(entry->init(host.table(), "/plugin.so", PSJ_ABI_MINOR), PSJ_OK);
    jt = entry->job_type_at(0);
    ASSERT_NE(jt, nullptr);
  }
  void TearDown() override {
    if (instance_ != nullptr) jt->destroy(instance_);
    entry->deinit();
  }

  psj_instance* instance() {
    if (instance_ == nullptr) {
      TestCallContext ctx;
      EXPECT_EQ(jt->create(jt, nullptr, 0, ctx.get(), &instance_), PSJ_OK);
    }
    return instance_;
  }

  std::int32_t testConnection(TestCallContext& ctx, TextSink& text) {
    return jt->test_connection(instance(), ctx.get(), text.get());
  }

  std::int32_t poll(TestCallContext& ctx, StatusSink& sink, const std::string& runId = "run-1") {
    RunRefData ref;
    ref.runId = runId;
    const psj_run_ref runRef = ref.get();
    return jt->poll(instance(), ctx.get(), &runRef, sink.get());
  }

  TestHost host;
  const psj_plugin_entry* entry = polysync_jobtype_v1_entry();
  const psj_job_type* jt = nullptr;

 private:
  psj_instance* instance_ = nullptr;
};

TEST_F(Boundary, TheEntryDescribesThePlugin) {
  EXPECT_EQ(entry->struct_size, sizeof(psj_plugin_entry));
  EXPECT_EQ(entry->abi_major, PSJ_ABI_MAJOR);
  EXPECT_STREQ(entry->plugin_id, "polysync.aifoundry");
  EXPECT_EQ(entry->job_type_count(), 1u);
  EXPECT_EQ(entry->job_type_at(1), nullptr);
  EXPECT_EQ(jt->capabilities, PSJ_CAP_TEST_CONNECTION | PSJ_CAP_IMPORT | PSJ_CAP_OUTPUTS |
                                  PSJ_CAP_IDEMPOTENT_RUN | PSJ_CAP_STATELESS_POLL);
}

TEST_F(Boundary, InitTwiceWithoutDeinitIsRefused) {
  EXPECT_NE(entry->init(host.table(), "/plugin.so", PSJ_ABI_MINOR), PSJ_OK);
  EXPECT_TRUE(host.logged("init() was called twice"));
}

TEST_F(Boundary, AJobTypeErrorKeepsItsCodeMessageAndRetryAfter) {
  script().onTestConnection = [](core::CallContext&) -> std::string {
    throw core::JobTypeError(core::ErrorCode::RateLimited, "throttled; retry later", 1500);
  };
  TestCallContext ctx;
  TextSink text;
  EXPECT_EQ(testConnection(ctx, text), PSJ_E_RATE_LIMITED);
  EXPECT_EQ(ctx.errorCode(), PSJ_E_RATE_LIMITED);
  EXPECT_EQ(ctx.errorMessage(), "throttled; retry later");
  EXPECT_EQ(ctx.retryAfterMs(), 1500);
}

TEST_F(Boundary, RetryAfterIsOnlyReportedForRetryableCodes) {
  script().onTestConnection = [](core::CallContext&) -> std::string {
    throw core::JobTypeError(core::ErrorCode::Permission, "Contributor is needed", 1500);
  };
  TestCallContext ctx;
  TextSink text;
  EXPECT_EQ(testConnection(ctx, text), PSJ_E_PERMISSION);
  EXPECT_EQ(ctx.retryAfterCalls(), 0);
}

TEST_F(Boundary, OutOfMemoryBecomesInternal) {
  script().onTestConnection = [](core::CallContext&) -> std::string { throw std::bad_alloc(); };
  TestCallContext ctx;
  TextSink text;
  EXPECT_EQ(testConnection(ctx, text), PSJ_E_INTERNAL);
  EXPECT_NE(ctx.errorMessage().find("out of memory"), std::string::npos);
}

TEST_F(Boundary, AStandardExceptionBecomesInternalWithItsText) {
  script().onTestConnection = [](core::CallContext&) -> std::string { throw std::runtime_error("map::at"); };
  TestCallContext ctx;
  TextSink text;
  EXPECT_EQ(testConnection(ctx, text), PSJ_E_INTERNAL);
  EXPECT_NE(ctx.errorMessage().find("map::at"), std::string::npos);
  EXPECT_TRUE(host.logged("map::at"));
}

TEST_F(Boundary, AnythingElseThrownBecomesInternal) {
  script().onTestConnection = [](core::CallContext&) -> std::string { throw 42; };
  TestCallContext ctx;
  TextSink text;
  EXPECT_EQ(testConnection(ctx, text), PSJ_E_INTERNAL);
  EXPECT_FALSE(ctx.errorMessage().empty());
}

TEST_F(Boundary, ExceptionsFromCreateNeverCrossTheBoundary) {
  script().onCreate = [](const std::vector<core::Setting>&, core::CallContext&) {
    throw std::logic_error("bad");
  };
  TestCallContext ctx;
  psj_instance* created = nullptr;
  EXPECT_EQ(jt->create(jt, nullptr, 0, ctx.get(), &created), PSJ_E_INTERNAL);
  EXPECT_EQ(created, nullptr);
}

TEST_F(Boundary, SettingsAreCopiedWithTheirSecretFlag) {
  KvList settings;
  settings.add("Workspace Name", "ws").add("Client Secret", "hush", PSJ_KV_SECRET);
  TestCallContext ctx;
  psj_instance* created = nullptr;
  ASSERT_EQ(jt->create(jt, settings.data(), settings.size(), ctx.get(), &created), PSJ_OK);
  jt->destroy(created);
  const auto& copied = script().lastSettings;
  ASSERT_EQ(copied.size(), 2u);
  EXPECT_EQ(copied[0].key, "Workspace Name");
  EXPECT_FALSE(copied[0].secret);
  EXPECT_EQ(copied[1].value.view(), "hush");
  EXPECT_TRUE(copied[1].secret);
}

TEST_F(Boundary, ARunRequestArrivesWhole) {
  script().onRun = [](core::CallContext&, const core::RunRequest&) {
    return core::RunResult{"run-7", "https://m/7"};
  };
  RunRequestData request;
  request.externalId = "template";
  request.displayName = "nightly";
  request.idempotencyKey = "k-1";
  request.attributes.add("AI Foundry Compute Name", "gpu");
  request.parameters.add("alpha", PSJ_DIRECTION_INPUT, PSJ_TYPE_FLOAT, "0.5");
  request.parameters.add("token", PSJ_DIRECTION_UNSET, PSJ_TYPE_SECRET, "tok");
  request.parameters.add("out", PSJ_DIRECTION_OUTPUT, PSJ_TYPE_JSON, "", PSJ_PARAM_SECRET);
  const psj_run_request runRequest = request.get();
  TestCallContext ctx;
  RunSink sink;
  ASSERT_EQ(jt->run(instance(), ctx.get(), &runRequest, sink.get()), PSJ_OK) << ctx.errorMessage();
  EXPECT_EQ(sink.runId(), "run-7");
  EXPECT_EQ(sink.monitorUrl(), "https://m/7");
  const core::RunRequest& seen = script().lastRun;
  EXPECT_EQ(seen.externalId, "template");
  EXPECT_EQ(seen.displayName, "nightly");
  EXPECT_EQ(seen.idempotencyKey, "k-1");
  ASSERT_EQ(seen.attributes.size(), 1u);
  EXPECT_EQ(seen.attributes[0].value.view(), "gpu");
  ASSERT_EQ(seen.parameters.size(), 3u);
  EXPECT_EQ(seen.parameters[0].dataType, core::DataType::Float);
  EXPECT_EQ(seen.parameters[0].value.view(), "0.5");
  EXPECT_FALSE(seen.parameters[0].secret);
  EXPECT_EQ(seen.parameters[1].direction, core::Direction::Unset);
  EXPECT_TRUE(seen.parameters[1].secret) << "a Secret parameter is secret even without the flag";
  EXPECT_EQ(seen.parameters[2].direction, core::Direction::Output);
  EXPECT_TRUE(seen.parameters[2].secret);
}

TEST_F(Boundary, AnUnknownDataTypeIsRefusedNamingTheParameterNotItsValue) {
  RunRequestData request;
  request.externalId = "template";
  request.parameters.add("alpha", PSJ_DIRECTION_INPUT, 77, "the-value");
  const psj_run_request runRequest = request.get();
  TestCallContext ctx;
  RunSink sink;
  EXPECT_EQ(jt->run(instance(), ctx.get(), &runRequest, sink.get()), PSJ_E_INVALID_ARGUMENT);
  EXPECT_NE(ctx.errorMessage().find("'alpha'"), std::string::npos);
  EXPECT_EQ(ctx.errorMessage().find("the-value"), std::string::npos);
}

TEST_F(Boundary, AnEmptyRunIdFromTheJobTypeIsInternalAndNeverReachesTheHost) {
  script().onRun = [](core::CallContext&, const core::RunRequest&) { return core::RunResult{}; };
  RunRequestData request;
  request.externalId = "template";
  const psj_run_request runRequest = request.get();
  TestCallContext ctx;
  RunSink sink;
  EXPECT_EQ(jt->run(instance(), ctx.get(), &runRequest, sink.get()), PSJ_E_INTERNAL);
  EXPECT_EQ(sink.runIdCalls(), 0);
}

TEST_F(Boundary, AStatusReachesTheSinkWhole) {
  script().onPoll = [](core::CallContext&, const core::RunRef&) {
    core::StatusReport report;
    report.state = core::RunState::Success;
    report.rawStatus = "Completed";
    report.startMs = 1000;
    report.endMs = 2000;
    report.outputs = {{"b", "2"}, {"a", "1"}};
    report.monitorUrl = "https://m";
    report.nextPollMs = 5000;
    return report;
  };
  TestCallContext ctx;
  StatusSink sink;
  ASSERT_EQ(poll(ctx, sink), PSJ_OK);
  const RecordedStatus status = sink.status();
  EXPECT_EQ(status.state, PSJ_STATE_SUCCESS);
  EXPECT_EQ(status.rawStatus, "Completed");
  EXPECT_EQ(status.startMs, 1000);
  EXPECT_EQ(status.endMs, 2000);
  EXPECT_EQ(status.outputs, (std::vector<std::pair<std::string, std::string>>{{"b", "2"}, {"a", "1"}}));
  EXPECT_EQ(status.monitorUrl, "https://m");
  EXPECT_EQ(status.nextPollMs, 5000);
  EXPECT_FALSE(status.message.has_value());
  EXPECT_EQ(script().lastRef.runId, "run-1");
}

core::StatusReport runningWithProgress() {
  core::StatusReport report;
  report.state = core::RunState::Running;
  report.rawStatus = "Running";
  report.startMs = 1000;
  core::StepProgress progress;
  progress.total = 12;
  progress.completed = 1;
  progress.running = 9;
  progress.failed = 1;
  progress.skipped = 1;
  for (int i = 0; i < 10; ++i) progress.runningNames.push_back("step_" + std::to_string(i));
  report.progress = progress;
  return report;
}

TEST_F(Boundary, StepProgressCrossesToA11HostWithAtMostTheAbisNumberOfNames) {
  script().onPoll = [](core::CallContext&, const core::RunRef&) { return runningWithProgress(); };
  TestCallContext ctx;
  StatusSink sink;
  ASSERT_EQ(poll(ctx, sink), PSJ_OK);
  const RecordedStatus status = sink.status();
  EXPECT_EQ(status.progressCalls, 1);
  ASSERT_TRUE(status.progress);
  EXPECT_EQ(status.progress->struct_size, sizeof(psj_progress));
  EXPECT_EQ(status.progress->steps_total, 12u);
  EXPECT_EQ(status.progress->steps_completed, 1u);
  EXPECT_EQ(status.progress->steps_running, 9u);
  EXPECT_EQ(status.progress->steps_failed, 1u);
  EXPECT_EQ(status.progress->steps_skipped, 1u);
  ASSERT_EQ(status.runningNames.size(), PSJ_PROGRESS_MAX_RUNNING_NAMES) << "10 names, 9 running, the ABI's 8";
  EXPECT_EQ(status.runningNames.front(), "step_0");
  EXPECT_EQ(status.startMs, 1000);
}

TEST_F(Boundary, A10HostsShorterStatusSinkGetsEverythingButProgress) {
  script().onPoll = [](core::CallContext&, const core::RunRef&) { return runningWithProgress(); };
  TestCallContext ctx;
  // The 1.0 layout ends where 1.1 appended set_progress; the recording sink still fills the pointer, so a
  // call past struct_size would be seen.
  StatusSink sink(offsetof(psj_status_sink, set_progress));
  ASSERT_EQ(poll(ctx, sink), PSJ_OK);
  const RecordedStatus status = sink.status();
  EXPECT_EQ(status.progressCalls, 0);
  EXPECT_EQ(status.state, PSJ_STATE_RUNNING);
  EXPECT_EQ(status.startMs, 1000);
}

TEST_F(Boundary, NoProgressIsReportedWhenTheJobTypeKnowsNone) {
  script().onPoll = [](core::CallContext&, const core::RunRef&) {
    core::StatusReport report = runningWithProgress();
    report.progress.reset();
    return report;
  };
  TestCallContext ctx;
  StatusSink sink;
  ASSERT_EQ(poll(ctx, sink), PSJ_OK);
  EXPECT_EQ(sink.status().progressCalls, 0);
}

TEST_F(Boundary, AFailureWithoutAMessageGetsOne) {
  script().onPoll = [](core::CallContext&, const core::RunRef&) {
    core::StatusReport report;
    report.state = core::RunState::Failed;
    return report;
  };
  TestCallContext ctx;
  StatusSink sink;
  ASSERT_EQ(poll(ctx, sink), PSJ_OK);
  EXPECT_FALSE(sink.status().message.value_or("").empty());
}

TEST_F(Boundary, ImportStopsForwardingWhenTheHostWantsNoMore) {
  bool answerAfterStop = true;
  script().onImport = [&](core::CallContext&, const core::ImportRequest&, const core::ImportEmitter& emit) {
    core::ImportedJob job;
    job.externalId = "a";
    job.parameters.push_back({"p", core::Direction::Input, core::DataType::Int, std::string("3"), "", false});
    emit(job);
    job.externalId = "b";
    emit(job);
    answerAfterStop = emit(job);  // the host said stop: not forwarded
  };
  TestCallContext ctx;
  ImportSink sink(2);
  const psj_import_request request = importRequest("tag");
  ASSERT_EQ(jt->import_jobs(instance(), ctx.get(), &request, sink.get()), PSJ_OK);
  EXPECT_FALSE(answerAfterStop);
  EXPECT_EQ(sink.emitsAfterStop(), 0);
  const auto jobs = sink.jobs();
  ASSERT_EQ(jobs.size(), 2u);
  ASSERT_EQ(jobs[0].parameters.size(), 1u);
  EXPECT_EQ(jobs[0].parameters[0].defaultValue, "3");
  EXPECT_EQ(jobs[0].parameters[0].flags, PSJ_SCHEMA_HAS_DEFAULT | PSJ_SCHEMA_NOT_OVERRIDABLE);
}

TEST_F(Boundary, AnEmitterKeptPastTheCallReachesNoSink) {
  core::ImportEmitter kept;
  script().onImport = [&](core::CallContext&, const core::ImportRequest&, const core::ImportEmitter& emit) {
    kept = emit;
  };
  TestCallContext ctx;
  ImportSink sink;
  const psj_import_request request = importRequest("");
  ASSERT_EQ(jt->import_jobs(instance(), ctx.get(), &request, sink.get()), PSJ_OK);
  sink.close();
  core::ImportedJob job;
  job.externalId = "late";
  EXPECT_FALSE(kept(job));
  EXPECT_EQ(sink.lateCalls(), 0);
}

TEST_F(Boundary, TheInterruptHandlerRunsOnTheHostsInterruptAndIsRemovedOnReturn) {
  std::mutex mutex;
  std::condition_variable woken;
  bool handlerRan = false;
  std::promise<void> waiting;
  script().onTestConnection = [&](core::CallContext& ctx) -> std::string {
    core::ScopedInterruptHandler handler(ctx, [&] {
      std::lock_guard<std::mutex> lock(mutex);
      handlerRan = true;
      woken.notify_all();
    });
    waiting.set_value();
    std::unique_lock<std::mutex> lock(mutex);
    woken.wait_for(lock, 30s, [&] { return handlerRan; });
    ctx.throwIfStopped();
    return "not interrupted";
  };
  TestCallContext ctx;
  TextSink text;
  psj_instance* live = instance();
  auto result =
      std::async(std::launch::async, [&] { return jt->test_connection(live, ctx.get(), text.get()); });
  waiting.get_future().wait();
  ctx.interrupt();
  ASSERT_EQ(result.wait_for(30s), std::future_status::ready);
  EXPECT_EQ(result.get(), PSJ_E_INTERRUPTED);
  EXPECT_TRUE(handlerRan);
  EXPECT_FALSE(ctx.handlerInstalled());
}

TEST_F(Boundary, TheDeadlineReachesTheJobType) {
  std::int64_t remaining = 0;
  script().onTestConnection = [&](core::CallContext& ctx) {
    remaining = ctx.remainingMs();
    return std::string("ok");
  };
  TestCallContext ctx(60s);
  TextSink text;
  ASSERT_EQ(testConnection(ctx, text), PSJ_OK);
  EXPECT_GT(remaining, 0);
  EXPECT_LE(remaining, 60000);
  EXPECT_EQ(text.text(), "ok");
}

TEST_F(Boundary, TheHostTokenProviderServesTheJobType) {
  host.setToken("tok-123", 1700000000);
  script().onTestConnection = [](core::CallContext& ctx) {
    const core::AccessToken token = ctx.host().tokenForScope("https://management.azure.com/.default", "");
    return std::to_string(token.token.size()) + "/" + std::to_string(token.expiresOnUnixS);
  };
  TestCallContext ctx;
  TextSink text;
  ASSERT_EQ(testConnection(ctx, text), PSJ_OK) << ctx.errorMessage();
  EXPECT_EQ(text.text(), "7/1700000000");
  EXPECT_EQ(host.tokenScopes(), std::vector<std::string>{"https://management.azure.com/.default"});
}

TEST_F(Boundary, AHostTokenFailureBecomesAuthenticationWithTheHostsReason) {
  host.setTokenFailure(PSJ_E_AUTHENTICATION, "the host identity is disabled");
  script().onTestConnection = [](core::CallContext& ctx) {
    ctx.host().tokenForScope("scope", "tenant");
    return std::string();
  };
  TestCallContext ctx;
  TextSink text;
  EXPECT_EQ(testConnection(ctx, text), PSJ_E_AUTHENTICATION);
  EXPECT_NE(ctx.errorMessage().find("the host identity is disabled"), std::string::npos);
}

TEST_F(Boundary, HandlesOfDestroyedOrForeignInstancesAreRefused) {
  TestCallContext c1;
  psj_instance* created = nullptr;
  ASSERT_EQ(jt->create(jt, nullptr, 0, c1.get(), &created), PSJ_OK);
  jt->destroy(created);
  for (psj_instance* handle : {created, reinterpret_cast<psj_instance*>(&c1)}) {
    TestCallContext ctx;
    TextSink text;
    EXPECT_EQ(jt->test_connection(handle, ctx.get(), text.get()), PSJ_E_INVALID_ARGUMENT);
  }
}

TEST_F(Boundary, CreateRefusesAForeignJobType) {
  psj_job_type copy = *jt;
  TestCallContext ctx;
  psj_instance* created = nullptr;
  EXPECT_EQ(jt->create(&copy, nullptr, 0, ctx.get(), &created), PSJ_E_INVALID_ARGUMENT);
}

TEST_F(Boundary, DeinitDestroysInstancesTheHostLeftBehind) {
  TestCallContext ctx;
  psj_instance* leaked = nullptr;
  ASSERT_EQ(jt->create(jt, nullptr, 0, ctx.get(), &leaked), PSJ_OK);
  EXPECT_EQ(script().liveInstances.load(), 1);
  entry->deinit();
  EXPECT_EQ(script().liveInstances.load(), 0);
  EXPECT_TRUE(host.logged("instance(s) the host had not destroyed"));
  ASSERT_EQ(entry->init(host.table(), "/plugin.so", PSJ_ABI_MINOR), PSJ_OK);  // for TearDown
}

TEST(BoundaryLifecycle, CallsOutsideInitAndDeinitAreRefused) {
  const psj_plugin_entry* entry = polysync_jobtype_v1_entry();
  EXPECT_EQ(entry->job_type_count(), 0u);
  EXPECT_EQ(entry->job_type_at(0), nullptr);
  entry->deinit();  // deinit without init is harmless
}

}  // namespace
}  // namespace abitest
