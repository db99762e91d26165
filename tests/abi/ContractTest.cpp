// The contract harness: drives each in-tree plugin through every callback, with good and bad arguments, and
// checks the ABI's promises (job_type.h, call_context.h, sinks.h). The checks any plugin must pass are the
// stub host's conformance checks (what `polysync-host-stub check-plugin` runs), run here by name; the
// blocking-call checks need a plugin's "block" job and stay here.
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
  session.expectCheckPasses("descriptor");
}

TEST_P(Contract, CreateWithValidSettingsSucceeds) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("create");
}

TEST_P(Contract, CreateWithoutARequiredSettingFailsNamingIt) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("create-without-required-setting");
}

TEST_P(Contract, EveryCallbackGivesAWellFormedOutcome) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("every-callback");
}

TEST_P(Contract, NullArgumentsAreRefusedWithoutCrashing) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("null-arguments");
}

TEST_P(Contract, TruncatedStructsAreRefusedWithoutCrashing) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("truncated-structs");
}

TEST_P(Contract, MalformedListsAndStringsAreRefusedWithoutCrashing) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("malformed-lists");
}

TEST_P(Contract, CallsAfterDestroyAreRefused) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("calls-after-destroy");
}

TEST_P(Contract, ConcurrentCallsOnOneInstanceAreSafe) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  session.expectCheckPasses("concurrent-polls");
}

// Runs the external id "block" on another thread; it must block until interrupted or its deadline passes.
std::future<std::int32_t> runBlocking(const psj_job_type* jt, psj_instance* instance, TestCallContext& ctx,
                                      RunSink& sink, const psj_run_request& request) {
  return std::async(std::launch::async,
                    [&, jt, instance] { return jt->run(instance, ctx.get(), &request, sink.get()); });
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

// The checks the tests above run by name: a check added to the stub host runs on the in-tree plugins too.
TEST(ContractChecks, EveryConformanceCheckOfTheStubHostIsRunHere) {
  const std::vector<std::string> runHere{"descriptor",
                                         "create",
                                         "create-without-required-setting",
                                         "every-callback",
                                         "null-arguments",
                                         "truncated-structs",
                                         "malformed-lists",
                                         "calls-after-destroy",
                                         "concurrent-polls"};
  std::vector<std::string> all;
  for (const auto& check : polysync::host::check::conformanceChecks()) all.emplace_back(check.name);
  EXPECT_EQ(all, runHere);
}

INSTANTIATE_TEST_SUITE_P(Plugins, Contract, ::testing::ValuesIn(pluginCases()), CaseName());

}  // namespace
}  // namespace abitest
