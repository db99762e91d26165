// The contract harness: drives each plugin (the real one and the plain-C one) through every callback, with
// good and bad arguments, and checks the ABI's promises (job_type.h, call_context.h, sinks.h).
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <future>
#include <thread>
#include <vector>

#include "ContractSession.h"

namespace abitest {
namespace {

using namespace std::chrono_literals;

class Contract : public ::testing::TestWithParam<PluginCase> {};

TEST_P(Contract, RegistersItsJobTypeWithACompleteDescriptor) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jobType = session.jobType();
  EXPECT_GE(jobType->struct_size, sizeof(psj_job_type));
  ASSERT_NE(jobType->id, nullptr);
  ASSERT_NE(jobType->display_name, nullptr);
  EXPECT_GT(std::strlen(jobType->id), 0u);
  EXPECT_GT(std::strlen(jobType->display_name), 0u);
  EXPECT_NE(jobType->create, nullptr);
  EXPECT_NE(jobType->destroy, nullptr);
}

TEST_P(Contract, CreateWithValidSettingsSucceeds) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  EXPECT_NE(session.instance(), nullptr);
}

TEST_P(Contract, CreateWithoutARequiredSettingFailsNamingIt) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  KvList all;
  GetParam().addValidSettings(all);
  KvList settings;
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const psj_kv& kv = all.at(i);
    const std::string key(kv.key.data, kv.key.len);
    if (key != GetParam().requiredSetting) settings.add(key, std::string(kv.value.data, kv.value.len), kv.flags);
  }
  TestCallContext ctx(GetParam().callTimeout);
  psj_instance* instance = nullptr;
  const auto rc = session.jobType()->create(session.jobType(), settings.data(), settings.size(), ctx.get(), &instance);
  EXPECT_EQ(rc, PSJ_E_INVALID_SETTINGS);
  EXPECT_EQ(instance, nullptr);
  EXPECT_NE(ctx.errorMessage().find(GetParam().requiredSetting), std::string::npos) << ctx.errorMessage();
  session.expectWellFormed(rc, ctx, [] {});
}

TEST_P(Contract, EveryCallbackGivesAWellFormedOutcome) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();

  TestCallContext c1(GetParam().callTimeout);
  TextSink text;
  session.expectWellFormed(jt->test_connection(instance, c1.get(), text.get()), c1, [] {}, {&text});

  TestCallContext c2(GetParam().callTimeout);
  ImportSink imported;
  const psj_import_request filter = importRequest("");
  session.expectWellFormed(jt->import_jobs(instance, c2.get(), &filter, imported.get()), c2, [] {}, {&imported});

  RunRequestData request;
  request.externalId = GetParam().runnableExternalId.empty() ? "template" : GetParam().runnableExternalId;
  request.idempotencyKey = "key-1";
  request.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");
  const psj_run_request runRequest = request.get();
  TestCallContext c3(GetParam().callTimeout);
  RunSink run;
  const auto runRc = jt->run(instance, c3.get(), &runRequest, run.get());
  session.expectWellFormed(runRc, c3, [&] { ContractSession::expectRunOk(run); }, {&run});
  if (!GetParam().runnableExternalId.empty()) {
    EXPECT_EQ(runRc, PSJ_OK) << c3.errorMessage();
  }

  RunRefData ref;
  ref.runId = run.runId().value_or("run-1");
  ref.parameters.add("echo", PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "");
  const psj_run_ref runRef = ref.get();
  for (int i = 0; i < 2; ++i) {
    TestCallContext c4(GetParam().callTimeout);
    StatusSink status;
    session.expectWellFormed(jt->poll(instance, c4.get(), &runRef, status.get()), c4,
                             [&] { ContractSession::expectStatusOk(status); }, {&status});
    EXPECT_EQ(status.lateCalls(), 0);
  }
  TestCallContext c5(GetParam().callTimeout);
  StatusSink cancelled;
  session.expectWellFormed(jt->cancel(instance, c5.get(), &runRef, cancelled.get()), c5,
                           [&] { ContractSession::expectStatusOk(cancelled); }, {&cancelled});

  for (TestCallContext* ctx : {&c1, &c2, &c3, &c5}) EXPECT_EQ(ctx->lateCalls(), 0);
  for (SinkBase* sink : std::initializer_list<SinkBase*>{&text, &imported, &run, &cancelled}) {
    EXPECT_EQ(sink->lateCalls(), 0);
  }
}

TEST_P(Contract, NullArgumentsAreRefusedWithoutCrashing) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  TextSink text;
  StatusSink status;
  RunSink run;
  ImportSink imported;
  RunRefData ref;
  ref.runId = "echo-x";
  const psj_run_ref runRef = ref.get();
  RunRequestData request;
  request.externalId = "echo-text";
  const psj_run_request runRequest = request.get();
  const psj_import_request filter = importRequest("");

  // No context: nowhere to report, but still an error code and no crash.
  EXPECT_NE(jt->test_connection(instance, nullptr, text.get()), PSJ_OK);
  EXPECT_NE(jt->poll(instance, nullptr, &runRef, status.get()), PSJ_OK);
  psj_instance* none = nullptr;
  EXPECT_NE(jt->create(jt, nullptr, 0, nullptr, &none), PSJ_OK);

  auto expectRefused = [&](const char* what, auto call) {
    TestCallContext ctx(GetParam().callTimeout);
    const std::int32_t rc = call(ctx.get());
    EXPECT_NE(rc, PSJ_OK) << what;
    session.expectWellFormed(rc, ctx, [] {});
  };
  expectRefused("null instance", [&](auto* ctx) { return jt->test_connection(nullptr, ctx, text.get()); });
  expectRefused("null text sink", [&](auto* ctx) { return jt->test_connection(instance, ctx, nullptr); });
  expectRefused("null import request", [&](auto* ctx) { return jt->import_jobs(instance, ctx, nullptr, imported.get()); });
  expectRefused("null import sink", [&](auto* ctx) { return jt->import_jobs(instance, ctx, &filter, nullptr); });
  expectRefused("null run request", [&](auto* ctx) { return jt->run(instance, ctx, nullptr, run.get()); });
  expectRefused("null run sink", [&](auto* ctx) { return jt->run(instance, ctx, &runRequest, nullptr); });
  expectRefused("null run ref", [&](auto* ctx) { return jt->poll(instance, ctx, nullptr, status.get()); });
  expectRefused("null status sink", [&](auto* ctx) { return jt->poll(instance, ctx, &runRef, nullptr); });
  expectRefused("null cancel ref", [&](auto* ctx) { return jt->cancel(instance, ctx, nullptr, status.get()); });
  expectRefused("null out_instance", [&](auto* ctx) { return jt->create(jt, nullptr, 0, ctx, nullptr); });
  expectRefused("settings list NULL with a count", [&](auto* ctx) { return jt->create(jt, nullptr, 3, ctx, &none); });
  EXPECT_EQ(run.runIdCalls(), 0);
  EXPECT_EQ(status.status().setStateCalls, 0);
}

TEST_P(Contract, TruncatedStructsAreRefusedWithoutCrashing) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();

  RunRequestData request;
  request.externalId = "echo-text";
  psj_run_request shortRequest = request.get();
  shortRequest.struct_size = 8;
  TestCallContext c1(GetParam().callTimeout);
  RunSink run;
  const auto rc1 = jt->run(instance, c1.get(), &shortRequest, run.get());
  EXPECT_NE(rc1, PSJ_OK);
  session.expectWellFormed(rc1, c1, [] {}, {&run});
  EXPECT_EQ(run.runIdCalls(), 0) << "a truncated request must not be run";

  RunRefData ref;
  ref.runId = "echo-x";
  psj_run_ref shortRef = ref.get();
  shortRef.struct_size = 4;
  TestCallContext c2(GetParam().callTimeout);
  StatusSink status;
  const auto rc2 = jt->poll(instance, c2.get(), &shortRef, status.get());
  EXPECT_NE(rc2, PSJ_OK);
  session.expectWellFormed(rc2, c2, [] {}, {&status});

  // A run sink that ends before set_run_id cannot take a run id: refuse before running anything.
  const psj_run_request fullRequest = request.get();
  RunSink tinySink(8);
  TestCallContext c3(GetParam().callTimeout);
  const auto rc3 = jt->run(instance, c3.get(), &fullRequest, tinySink.get());
  EXPECT_NE(rc3, PSJ_OK);
  session.expectWellFormed(rc3, c3, [] {}, {&tinySink});
  EXPECT_EQ(tinySink.runIdCalls(), 0);

  // A context too small to carry set_error: an error code, and no call through the missing fields.
  TestCallContext tinyCtx(std::nullopt, 8);
  TextSink text;
  EXPECT_NE(jt->test_connection(instance, tinyCtx.get(), text.get()), PSJ_OK);
  EXPECT_EQ(tinyCtx.errorCalls(), 0);
}

TEST_P(Contract, MalformedListsAndStringsAreRefusedWithoutCrashing) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();

  // A settings list with a NULL entry, and one whose value has a length but no data.
  KvList settings;
  GetParam().addValidSettings(settings);
  std::vector<const psj_kv*> withNull(settings.data(), settings.data() + settings.size());
  withNull.push_back(nullptr);
  psj_instance* created = nullptr;
  TestCallContext c1(GetParam().callTimeout);
  const auto rc1 = jt->create(jt, withNull.data(), withNull.size(), c1.get(), &created);
  EXPECT_NE(rc1, PSJ_OK);
  session.expectWellFormed(rc1, c1, [] {});
  settings.at(0).value.data = nullptr;
  settings.at(0).value.len = 12;
  TestCallContext c2(GetParam().callTimeout);
  const auto rc2 = jt->create(jt, settings.data(), settings.size(), c2.get(), &created);
  EXPECT_NE(rc2, PSJ_OK);
  session.expectWellFormed(rc2, c2, [] {});
  EXPECT_EQ(created, nullptr);

  // A run ref whose parameter list is NULL with a count, and one with an unknown data type.
  RunRefData ref;
  ref.runId = "echo-x";
  psj_run_ref nullList = ref.get();
  nullList.parameter_count = 5;
  TestCallContext c3(GetParam().callTimeout);
  StatusSink s3;
  const auto rc3 = jt->poll(instance, c3.get(), &nullList, s3.get());
  EXPECT_NE(rc3, PSJ_OK);
  session.expectWellFormed(rc3, c3, [] {}, {&s3});

  RunRequestData request;
  request.externalId = GetParam().runnableExternalId.empty() ? "template" : GetParam().runnableExternalId;
  request.parameters.add("text", PSJ_DIRECTION_INPUT, 999, "x");
  const psj_run_request odd = request.get();
  TestCallContext c4(GetParam().callTimeout);
  RunSink r4;
  const auto rc4 = jt->run(instance, c4.get(), &odd, r4.get());
  session.expectWellFormed(rc4, c4, [&] { ContractSession::expectRunOk(r4); }, {&r4});
}

TEST_P(Contract, CallsAfterDestroyAreRefused) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  KvList settings;
  GetParam().addValidSettings(settings);
  psj_instance* instance = nullptr;
  TestCallContext create;
  ASSERT_EQ(jt->create(jt, settings.data(), settings.size(), create.get(), &instance), PSJ_OK);
  jt->destroy(instance);

  TestCallContext ctx(GetParam().callTimeout);
  TextSink text;
  const auto rc = jt->test_connection(instance, ctx.get(), text.get());
  EXPECT_EQ(rc, PSJ_E_INVALID_ARGUMENT);
  session.expectWellFormed(rc, ctx, [] {}, {&text});
  EXPECT_FALSE(text.text().has_value());
  jt->destroy(instance);  // a second destroy is ignored
  jt->destroy(nullptr);   // so is NULL
}

TEST_P(Contract, ConcurrentCallsOnOneInstanceAreSafe) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  std::vector<std::thread> threads;
  std::atomic<int> malformed{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < GetParam().concurrentPollsPerThread; ++i) {
        RunRefData ref;
        ref.runId = "echo-" + std::to_string(t) + "-" + std::to_string(i % 3);
        const psj_run_ref runRef = ref.get();
        TestCallContext ctx(GetParam().callTimeout);
        StatusSink status;
        const auto rc = jt->poll(instance, ctx.get(), &runRef, status.get());
        if (rc == PSJ_OK ? status.status().setStateCalls == 0 : (ctx.errorCode() != rc || !knownCode(rc))) ++malformed;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(malformed.load(), 0);
}

// Runs the external id "block" on another thread; it must block until interrupted or its deadline passes.
std::future<std::int32_t> runBlocking(const psj_job_type* jt, psj_instance* instance, TestCallContext& ctx,
                                      RunSink& sink, const psj_run_request& request) {
  return std::async(std::launch::async, [&, jt, instance] { return jt->run(instance, ctx.get(), &request, sink.get()); });
}

TEST_P(Contract, AnInterruptEndsABlockedCallWithInterrupted) {
  if (!GetParam().blocksOnExternalIdBlock) GTEST_SKIP() << "this plugin has no blocking mode";
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  RunRequestData request;
  request.externalId = "block";
  const psj_run_request runRequest = request.get();
  TestCallContext ctx;
  RunSink sink;
  auto result = runBlocking(session.jobType(), session.instance(), ctx, sink, runRequest);
  EXPECT_EQ(result.wait_for(200ms), std::future_status::timeout) << "the call did not block";
  ctx.interrupt();
  ASSERT_EQ(result.wait_for(30s), std::future_status::ready) << "the interrupt did not end the call";
  const std::int32_t rc = result.get();
  EXPECT_EQ(rc, PSJ_E_INTERRUPTED);
  session.expectWellFormed(rc, ctx, [] {}, {&sink});
  EXPECT_FALSE(ctx.handlerInstalled()) << "the interrupt handler outlived the call";
  EXPECT_EQ(sink.runIdCalls(), 0);
}

TEST_P(Contract, ADeadlineEndsABlockedCallWithTimeout) {
  if (!GetParam().blocksOnExternalIdBlock) GTEST_SKIP() << "this plugin has no blocking mode";
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  RunRequestData request;
  request.externalId = "block";
  const psj_run_request runRequest = request.get();
  TestCallContext ctx(50ms);
  RunSink sink;
  auto result = runBlocking(session.jobType(), session.instance(), ctx, sink, runRequest);
  ASSERT_EQ(result.wait_for(30s), std::future_status::ready) << "the deadline did not end the call";
  const std::int32_t rc = result.get();
  EXPECT_EQ(rc, PSJ_E_TIMEOUT);
  session.expectWellFormed(rc, ctx, [] {}, {&sink});
}

TEST_P(Contract, AnInterruptBeforeTheCallEndsItAtOnce) {
  if (!GetParam().blocksOnExternalIdBlock) GTEST_SKIP() << "this plugin has no blocking mode";
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  RunRequestData request;
  request.externalId = "block";
  const psj_run_request runRequest = request.get();
  TestCallContext ctx;
  ctx.interrupt();
  RunSink sink;
  auto result = runBlocking(session.jobType(), session.instance(), ctx, sink, runRequest);
  ASSERT_EQ(result.wait_for(30s), std::future_status::ready);
  EXPECT_EQ(result.get(), PSJ_E_INTERRUPTED);
}

INSTANTIATE_TEST_SUITE_P(Plugins, Contract, ::testing::ValuesIn(pluginCases()),
                         CaseName());

}  // namespace
}  // namespace abitest
