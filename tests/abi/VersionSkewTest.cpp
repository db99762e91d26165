// Version skew against the real plugin and the C plugin: hosts with other minors, init() with a minor the
// plugin does not implement, and host-provided structs whose struct_size stops early (an older host): the
// plugin must not read past them and must work without what is missing.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <variant>

#include "ContractSession.h"

namespace abitest {
namespace {

std::filesystem::path libraryOf(const PluginCase& pluginCase) {
  auto manifest = std::get<Manifest>(readManifest(pluginCase.manifest));
  return pluginCase.libraryDir.value_or(pluginCase.manifest.parent_path()) / manifest.library;
}

class Skew : public ::testing::TestWithParam<PluginCase> {
 protected:
  const psj_plugin_entry* entry = openEntry(libraryOf(GetParam()));
};

TEST_P(Skew, ANewerHostMinorIsAccepted) {
  ContractSession session(GetParam(), PSJ_ABI_MINOR + 7);
  ASSERT_TRUE(session.loaded());
  EXPECT_NE(session.instance(), nullptr);
}

TEST_P(Skew, InitWithAMinorThePluginDoesNotImplementIsRefusedWithAReason) {
  TestHost host(PSJ_ABI_MINOR + 5);
  EXPECT_NE(entry->init(host.table(), "/x", PSJ_ABI_MINOR + 5), PSJ_OK);
  EXPECT_FALSE(host.logLines().empty()) << "the refusal must be logged";
  for (const std::string& line : host.logLines()) EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST_P(Skew, InitWithoutAHostIsRefused) { EXPECT_NE(entry->init(nullptr, "/x", 0), PSJ_OK); }

TEST_P(Skew, AHostTableEndingBeforeGetExtensionIsNeverReadPastItsSize) {
  TestHost host(PSJ_ABI_MINOR, offsetof(psj_host, get_extension));
  ASSERT_EQ(entry->init(host.table(), "/x", PSJ_ABI_MINOR), PSJ_OK);
  const psj_job_type* jt = entry->job_type_at(0);
  KvList settings;
  GetParam().addValidSettings(settings);
  psj_instance* instance = nullptr;
  TestCallContext ctx;
  EXPECT_EQ(jt->create(jt, settings.data(), settings.size(), ctx.get(), &instance), PSJ_OK)
      << ctx.errorMessage();
  TestCallContext c2(GetParam().callTimeout);
  TextSink text;
  const auto rc = jt->test_connection(instance, c2.get(), text.get());
  EXPECT_TRUE(rc == PSJ_OK || knownCode(rc));
  jt->destroy(instance);
  entry->deinit();
  EXPECT_EQ(host.extensionLookups(), 0) << "get_extension lies past the host's struct_size";
}

TEST_P(Skew, AHostTableEndingBeforeLogGetsNoLogCalls) {
  TestHost host(PSJ_ABI_MINOR, offsetof(psj_host, log));
  EXPECT_NE(entry->init(host.table(), "/x", PSJ_ABI_MINOR + 9), PSJ_OK);  // refused, and cannot say why
  EXPECT_TRUE(host.logLines().empty());
  ASSERT_EQ(entry->init(host.table(), "/x", PSJ_ABI_MINOR), PSJ_OK);
  entry->deinit();
  EXPECT_TRUE(host.logLines().empty());
}

TEST_P(Skew, AHostTableTooShortForItsMinorIsRefused) {
  TestHost host(PSJ_ABI_MINOR, 4);
  EXPECT_NE(entry->init(host.table(), "/x", PSJ_ABI_MINOR), PSJ_OK);
}

TEST_P(Skew, AContextWithoutSetRetryAfterStillWorks) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  TestCallContext ctx(GetParam().callTimeout, offsetof(psj_call_context, set_retry_after_ms));
  TextSink text;
  const auto rc = session.jobType()->test_connection(session.instance(), ctx.get(), text.get());
  session.expectWellFormed(rc, ctx, [] {}, {&text});
  EXPECT_EQ(ctx.retryAfterCalls(), 0);
}

TEST_P(Skew, AStatusSinkEndingAfterSetStateGetsOnlySetState) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  RunRefData ref;
  ref.runId = "echo-skew";
  ref.parameters.add("echo", PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "");
  const psj_run_ref runRef = ref.get();
  for (int i = 0; i < 2; ++i) {
    TestCallContext ctx(GetParam().callTimeout);
    StatusSink sink(offsetof(psj_status_sink, set_start_time));
    const auto rc = session.jobType()->poll(session.instance(), ctx.get(), &runRef, sink.get());
    session.expectWellFormed(rc, ctx, [&] { ContractSession::expectStatusOk(sink); }, {&sink});
    const RecordedStatus status = sink.status();
    EXPECT_FALSE(status.startMs || status.endMs || status.message || status.monitorUrl || status.nextPollMs);
    EXPECT_TRUE(status.outputs.empty());
  }
}

// A host of 1.1 with a sink of the 1.0 layout (a host that predates set_progress): whatever the plugin knows
// of the run, set_progress is past struct_size and never called (the recording sink would count it).
TEST_P(Skew, AStatusSinkOfThe10LayoutGetsNoProgress) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  RunRefData ref;
  ref.runId = "echo-skew-progress";
  const psj_run_ref runRef = ref.get();
  TestCallContext ctx(GetParam().callTimeout);
  StatusSink sink(offsetof(psj_status_sink, set_progress));
  const auto rc = session.jobType()->poll(session.instance(), ctx.get(), &runRef, sink.get());
  session.expectWellFormed(rc, ctx, [&] { ContractSession::expectStatusOk(sink); }, {&sink});
  EXPECT_EQ(sink.status().progressCalls, 0);
}

INSTANTIATE_TEST_SUITE_P(Plugins, Skew, ::testing::ValuesIn(pluginCases()), CaseName());

// ---- Minor versions, both directions, with the plain-C Echo Job
// ------------------------------------------------

psj_run_ref echoRun(RunRefData& ref, const std::string& runId) {
  ref.runId = runId;
  return ref.get();
}

TEST(MinorVersions, TodaysEchoJobReportsProgressToThisHost) {
  TestHost host;
  LoadResult loaded = loadPlugin(std::filesystem::path(ABI_TEST_PLUGIN_DIR) / "polysync-echo.json", host);
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<LoadedPlugin>>(loaded)) << std::get<std::string>(loaded);
  const auto& plugin = std::get<std::unique_ptr<LoadedPlugin>>(loaded);
  EXPECT_EQ(plugin->effectiveMinor(), 1u);
  const psj_job_type* jt = plugin->jobType();
  EXPECT_NE(jt->capabilities & PSJ_CAP_PROGRESS, 0u);
  KvList settings;
  settings.add("Greeting", "hello");
  psj_instance* instance = nullptr;
  TestCallContext created;
  ASSERT_EQ(jt->create(jt, settings.data(), settings.size(), created.get(), &instance), PSJ_OK);
  RunRefData ref;
  const psj_run_ref run = echoRun(ref, "echo-minor-1");
  TestCallContext ctx;
  StatusSink sink;
  ASSERT_EQ(jt->poll(instance, ctx.get(), &run, sink.get()), PSJ_OK);
  const RecordedStatus status = sink.status();
  EXPECT_EQ(status.state, PSJ_STATE_RUNNING);
  EXPECT_EQ(status.progressCalls, 1);
  ASSERT_TRUE(status.progress);
  EXPECT_EQ(status.progress->steps_total, 3u);
  EXPECT_EQ(status.runningNames, std::vector<std::string>{"echo_step"});
  jt->destroy(instance);
}

TEST(MinorVersions, AnEchoJobBuiltAgainstThe10HeadersIsDrivenByThisHostAndNeverAskedForMore) {
  TestHost host;  // this tree's host: minor 1, a full 1.1 status sink
  LoadResult loaded = loadPlugin(std::filesystem::path(ABI_TEST_ECHO_1_0_DIR) / "polysync-echo.json", host);
  ASSERT_TRUE(std::holds_alternative<std::unique_ptr<LoadedPlugin>>(loaded)) << std::get<std::string>(loaded);
  const auto& plugin = std::get<std::unique_ptr<LoadedPlugin>>(loaded);
  EXPECT_EQ(plugin->entry()->abi_minor, 0u) << "built against the frozen 1.0 headers";
  EXPECT_EQ(plugin->effectiveMinor(), 0u);
  const psj_job_type* jt = plugin->jobType();
  EXPECT_EQ(jt->capabilities & PSJ_CAP_PROGRESS, 0u);
  KvList settings;
  settings.add("Greeting", "hello");
  psj_instance* instance = nullptr;
  TestCallContext created;
  ASSERT_EQ(jt->create(jt, settings.data(), settings.size(), created.get(), &instance), PSJ_OK);
  RunRefData ref;
  ref.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hi");
  ref.parameters.add("echo", PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "");
  const psj_run_ref run = echoRun(ref, "echo-minor-0");
  for (const std::int32_t expected : {PSJ_STATE_RUNNING, PSJ_STATE_SUCCESS}) {
    TestCallContext ctx;
    StatusSink sink;
    ASSERT_EQ(jt->poll(instance, ctx.get(), &run, sink.get()), PSJ_OK) << ctx.errorMessage();
    const RecordedStatus status = sink.status();
    EXPECT_EQ(status.state, expected);
    EXPECT_TRUE(status.startMs);
    EXPECT_EQ(status.progressCalls, 0) << "a 1.0 plugin knows nothing of set_progress";
    if (expected == PSJ_STATE_SUCCESS) {
      EXPECT_EQ(status.outputs, (std::vector<std::pair<std::string, std::string>>{{"echo", "hi"}}));
    }
  }
  jt->destroy(instance);
}

}  // namespace
}  // namespace abitest
