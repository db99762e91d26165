// ABI misuse (docs/reliability.md): a host that breaks the rules of job_type.h — NULL in every pointer
// argument and in the function pointers of its own structs, struct_size too small, zero or larger than this
// build knows, calls on destroyed or foreign instances, and a host that interrupts every call — gets an error
// code (or, for a larger struct_size, a normal answer), never a crash. Run over the real plugin and the C
// plugin; ASan/UBSan builds turn any out-of-bounds read of a short struct into a failure.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <thread>
#include <vector>

#include "ContractSession.h"

namespace abitest {
namespace {

using namespace std::chrono_literals;

class AbiMisuse : public ::testing::TestWithParam<PluginCase> {
 protected:
  // The real job type validates every argument and request in full, so it must refuse each malformed one.
  // The plain-C Echo Job reads only what it uses (it ignores the job type pointer and the parameters of
  // most runs), so for it a malformed field it never reads is no error: it must only stay well-formed.
  static bool strict() { return GetParam().name == aifoundryCase().name; }

  // A call refused with a well-formed error (code in a band, set_error with the same code and a message).
  static void expectRefused(ContractSession& session, const char* what,
                            const std::function<std::int32_t(const psj_call_context*)>& call) {
    SCOPED_TRACE(what);
    TestCallContext ctx(GetParam().callTimeout);
    const std::int32_t rc = call(ctx.get());
    if (strict()) {
      EXPECT_NE(rc, PSJ_OK) << what;
    }
    session.expectWellFormed(rc, ctx, [] {});
    EXPECT_EQ(ctx.lateCalls(), 0) << what;
  }

  static std::string externalId() {
    return GetParam().runnableExternalId.empty() ? "template" : GetParam().runnableExternalId;
  }
};

TEST_P(AbiMisuse, NullInEveryPointerArgumentIsAnErrorCode) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  ASSERT_NE(instance, nullptr);
  TextSink text;
  StatusSink status;
  RunSink run;
  ImportSink imported;
  RunRefData ref;
  ref.runId = "echo-x";
  const psj_run_ref runRef = ref.get();
  RunRequestData request;
  request.externalId = externalId();
  const psj_run_request runRequest = request.get();
  const psj_import_request filter = importRequest("");
  KvList settings;
  GetParam().addValidSettings(settings);

  // No context at all: nowhere to report, still an error code.
  psj_instance* none = nullptr;
  EXPECT_NE(jt->create(jt, settings.data(), settings.size(), nullptr, &none), PSJ_OK);
  EXPECT_EQ(none, nullptr);
  EXPECT_NE(jt->import_jobs(instance, nullptr, &filter, imported.get()), PSJ_OK);
  EXPECT_NE(jt->run(instance, nullptr, &runRequest, run.get()), PSJ_OK);
  EXPECT_NE(jt->cancel(instance, nullptr, &runRef, status.get()), PSJ_OK);

  expectRefused(session, "null job type",
                [&](auto* ctx) { return jt->create(nullptr, settings.data(), settings.size(), ctx, &none); });
  if (!strict() && none != nullptr) {
    jt->destroy(none);  // the Echo Job does not read its job type pointer
    none = nullptr;
  }
  expectRefused(session, "null instance: import",
                [&](auto* ctx) { return jt->import_jobs(nullptr, ctx, &filter, imported.get()); });
  expectRefused(session, "null instance: run",
                [&](auto* ctx) { return jt->run(nullptr, ctx, &runRequest, run.get()); });
  expectRefused(session, "null instance: poll",
                [&](auto* ctx) { return jt->poll(nullptr, ctx, &runRef, status.get()); });
  expectRefused(session, "null instance: cancel",
                [&](auto* ctx) { return jt->cancel(nullptr, ctx, &runRef, status.get()); });
  expectRefused(session, "null cancel sink",
                [&](auto* ctx) { return jt->cancel(instance, ctx, &runRef, nullptr); });
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(run.runIdCalls(), 0);
  EXPECT_EQ(status.status().setStateCalls, 0);
  EXPECT_EQ(imported.jobs().size(), 0u);
  jt->destroy(nullptr);  // ignored
}

TEST_P(AbiMisuse, NullInsideRequestsIsAnErrorCode) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  ASSERT_NE(instance, nullptr);

  // Strings with a length but no data, lists with a count but no entries, and NULL entries.
  RunRequestData request;
  request.externalId = externalId();
  request.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");
  request.attributes.add("AI Foundry Compute Name", "cpu-cluster");
  RunSink run;
  {
    psj_run_request r = request.get();
    r.external_id = psj_str{nullptr, 8};
    expectRefused(session, "external id without data",
                  [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
  }
  {
    psj_run_request r = request.get();
    r.parameters = nullptr;
    expectRefused(session, "parameters NULL with a count",
                  [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
  }
  {
    psj_run_request r = request.get();
    r.attributes = nullptr;
    expectRefused(session, "attributes NULL with a count",
                  [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
  }
  {
    const psj_parameter* entries[] = {nullptr};
    psj_run_request r = request.get();
    r.parameters = entries;
    r.parameter_count = 1;
    expectRefused(session, "a NULL parameter entry",
                  [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
  }
  {
    RunRequestData named;
    named.externalId = externalId();
    named.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");
    named.parameters.at(0).name = psj_str{nullptr, 4};
    const psj_run_request r = named.get();
    expectRefused(session, "a parameter name without data",
                  [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
  }
  {
    RunRequestData valued;
    valued.externalId = externalId();
    valued.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");
    valued.parameters.at(0).value = psj_str{nullptr, 5};
    const psj_run_request r = valued.get();
    expectRefused(session, "a parameter value without data",
                  [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
  }
  {
    const psj_kv* entries[] = {nullptr};
    psj_run_request r = request.get();
    r.attributes = entries;
    r.attribute_count = 1;
    expectRefused(session, "a NULL attribute entry",
                  [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
  }
  if (strict()) {
    EXPECT_EQ(run.runIdCalls(), 0) << "a malformed request must not be run";
  }

  StatusSink status;
  {
    RunRefData ref;
    ref.runId = "echo-x";
    psj_run_ref r = ref.get();
    r.run_id = psj_str{nullptr, 6};
    expectRefused(session, "run id without data: poll",
                  [&](auto* ctx) { return jt->poll(instance, ctx, &r, status.get()); });
    expectRefused(session, "run id without data: cancel",
                  [&](auto* ctx) { return jt->cancel(instance, ctx, &r, status.get()); });
  }
  {
    const psj_parameter* entries[] = {nullptr};
    RunRefData ref;
    ref.runId = "echo-x";
    psj_run_ref r = ref.get();
    r.parameters = entries;
    r.parameter_count = 1;
    expectRefused(session, "a NULL output parameter",
                  [&](auto* ctx) { return jt->poll(instance, ctx, &r, status.get()); });
  }
  {
    ImportSink imported;
    psj_import_request r = importRequest("");
    r.filter = psj_str{nullptr, 3};
    expectRefused(session, "filter without data",
                  [&](auto* ctx) { return jt->import_jobs(instance, ctx, &r, imported.get()); });
  }
  {
    KvList settings;
    GetParam().addValidSettings(settings);
    settings.at(0).key = psj_str{nullptr, 7};
    psj_instance* created = nullptr;
    expectRefused(session, "a setting key without data",
                  [&](auto* ctx) { return jt->create(jt, settings.data(), settings.size(), ctx, &created); });
    EXPECT_EQ(created, nullptr);
  }
  EXPECT_EQ(status.status().setStateCalls, 0);
}

TEST_P(AbiMisuse, NullFunctionPointersInTheHostsStructsAreNeverCalled) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  ASSERT_NE(instance, nullptr);
  RunRequestData request;
  request.externalId = externalId();
  const psj_run_request runRequest = request.get();
  RunRefData ref;
  ref.runId = "echo-x";
  const psj_run_ref runRef = ref.get();

  // A context whose functions are all NULL: an answer (or an error code nobody hears), no crash.
  TestCallContext base(GetParam().callTimeout);
  psj_call_context bare = *base.get();
  bare.remaining_ms = nullptr;
  bare.is_interrupted = nullptr;
  bare.set_interrupt_handler = nullptr;
  bare.set_error = nullptr;
  bare.set_retry_after_ms = nullptr;
  TestCallContext deadline(GetParam().callTimeout);
  psj_call_context noError = *deadline.get();  // keeps its deadline, loses its error channel
  noError.set_error = nullptr;
  noError.set_retry_after_ms = nullptr;
  RunSink run;
  (void)jt->run(instance, &noError, &runRequest, run.get());
  StatusSink status;
  (void)jt->poll(instance, &noError, &runRef, status.get());
  psj_instance* created = nullptr;
  KvList settings;
  GetParam().addValidSettings(settings);
  if (jt->create(jt, settings.data(), settings.size(), &bare, &created) == PSJ_OK) jt->destroy(created);
  TextSink text;
  if (!GetParam().callTimeout)
    (void)jt->test_connection(instance, &bare, text.get());  // may reach the network

  // Sinks whose functions are NULL: the call is refused (or answers without calling them), no crash.
  {
    RunSink runSink;
    psj_run_sink sink = *runSink.get();
    sink.set_run_id = nullptr;
    sink.set_monitor_url = nullptr;
    TestCallContext ctx(GetParam().callTimeout);
    const std::int32_t rc = jt->run(instance, ctx.get(), &runRequest, &sink);
    EXPECT_NE(rc, PSJ_OK) << "a run whose id cannot be reported must not be submitted";
    session.expectWellFormed(rc, ctx, [] {});
    EXPECT_EQ(runSink.runIdCalls(), 0);
  }
  {
    StatusSink statusSink;
    psj_status_sink sink = *statusSink.get();
    sink.set_state = nullptr;
    sink.set_message = nullptr;
    sink.add_output = nullptr;
    TestCallContext ctx(GetParam().callTimeout);
    const std::int32_t rc = jt->poll(instance, ctx.get(), &runRef, &sink);
    EXPECT_NE(rc, PSJ_OK) << "a status that cannot be reported is not a success";
    session.expectWellFormed(rc, ctx, [] {});
  }
  {
    TextSink textSink;
    psj_text_sink sink = *textSink.get();
    sink.set_text = nullptr;
    TestCallContext ctx(GetParam().callTimeout);
    const std::int32_t rc = jt->test_connection(instance, ctx.get(), &sink);
    session.expectWellFormed(rc, ctx, [] {});
  }
  {
    ImportSink importSink;
    psj_import_sink sink = *importSink.get();
    sink.emit_job = nullptr;
    const psj_import_request filter = importRequest("");
    TestCallContext ctx(GetParam().callTimeout);
    const std::int32_t rc = jt->import_jobs(instance, ctx.get(), &filter, &sink);
    EXPECT_NE(rc, PSJ_OK) << "jobs that cannot be emitted are not an import";
    session.expectWellFormed(rc, ctx, [] {});
  }
}

TEST_P(AbiMisuse, StructSizeTooSmallOrZeroIsAnErrorCode) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  ASSERT_NE(instance, nullptr);
  RunRefData ref;
  ref.runId = "echo-x";
  RunRequestData request;
  request.externalId = externalId();
  request.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");

  for (const std::uint32_t size : {0u, 4u, 8u}) {
    SCOPED_TRACE("struct_size " + std::to_string(size));
    {
      psj_import_request filter = importRequest("");
      filter.struct_size = size;
      ImportSink imported;
      expectRefused(session, "short import request",
                    [&](auto* ctx) { return jt->import_jobs(instance, ctx, &filter, imported.get()); });
    }
    {
      psj_run_ref r = ref.get();
      r.struct_size = size;
      StatusSink status;
      expectRefused(session, "short cancel ref",
                    [&](auto* ctx) { return jt->cancel(instance, ctx, &r, status.get()); });
      EXPECT_EQ(status.status().setStateCalls, 0);
    }
    {
      psj_run_request r = request.get();
      r.struct_size = size;
      RunSink run;
      expectRefused(session, "short run request",
                    [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
      EXPECT_EQ(run.runIdCalls(), 0);
    }
    {
      const psj_run_request r = request.get();
      RunSink run(size);
      expectRefused(session, "short run sink",
                    [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
      EXPECT_EQ(run.runIdCalls(), 0);
    }
    {
      const psj_run_ref r = ref.get();
      StatusSink status(size);
      expectRefused(session, "short status sink: poll",
                    [&](auto* ctx) { return jt->poll(instance, ctx, &r, status.get()); });
      expectRefused(session, "short status sink: cancel",
                    [&](auto* ctx) { return jt->cancel(instance, ctx, &r, status.get()); });
      EXPECT_EQ(status.status().setStateCalls, 0);
    }
    {
      ImportSink imported(SIZE_MAX, size);
      const psj_import_request filter = importRequest("");
      expectRefused(session, "short import sink",
                    [&](auto* ctx) { return jt->import_jobs(instance, ctx, &filter, imported.get()); });
    }
    {
      // The text is optional: skipping a sink too short to hold set_text is as good as refusing.
      TextSink text(size);
      TestCallContext ctx(GetParam().callTimeout);
      const std::int32_t rc = jt->test_connection(instance, ctx.get(), text.get());
      session.expectWellFormed(rc, ctx, [] {});
      EXPECT_FALSE(text.text().has_value()) << "set_text called through a sink too short to hold it";
    }
    {
      RunRequestData shortParameter;
      shortParameter.externalId = externalId();
      shortParameter.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");
      shortParameter.parameters.at(0).struct_size = size;
      const psj_run_request r = shortParameter.get();
      RunSink run;
      expectRefused(session, "short parameter",
                    [&](auto* ctx) { return jt->run(instance, ctx, &r, run.get()); });
      if (strict()) {
        EXPECT_EQ(run.runIdCalls(), 0);
      }
    }
    {
      KvList settings;
      GetParam().addValidSettings(settings);
      settings.at(0).struct_size = size;
      psj_instance* created = nullptr;
      expectRefused(session, "short setting", [&](auto* ctx) {
        return jt->create(jt, settings.data(), settings.size(), ctx, &created);
      });
      EXPECT_EQ(created, nullptr);
    }
    {
      // A context too short to hold set_error: an error code, and nothing called through it.
      TestCallContext tiny(std::nullopt, size);
      const psj_run_ref r = ref.get();
      StatusSink status;
      EXPECT_NE(jt->poll(instance, tiny.get(), &r, status.get()), PSJ_OK);
      EXPECT_EQ(tiny.errorCalls(), 0);
      psj_instance* created = nullptr;
      KvList settings;
      GetParam().addValidSettings(settings);
      EXPECT_NE(jt->create(jt, settings.data(), settings.size(), tiny.get(), &created), PSJ_OK);
      EXPECT_EQ(created, nullptr);
    }
  }
}

// A newer host's structs: struct_size beyond what this plugin knows, with real (zeroed) bytes behind it.
template <class T>
struct Grown {
  T value;
  std::array<unsigned char, 64> newerFields{};
};

TEST_P(AbiMisuse, StructSizeLargerThanKnownIsAccepted) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();

  KvList settings;
  GetParam().addValidSettings(settings);
  std::vector<Grown<psj_kv>> grownKvs(settings.size());
  std::vector<const psj_kv*> kvPointers;
  for (std::size_t i = 0; i < grownKvs.size(); ++i) {
    grownKvs[i].value = settings.at(i);
    grownKvs[i].value.struct_size = sizeof(Grown<psj_kv>);
    kvPointers.push_back(&grownKvs[i].value);
  }
  TestCallContext createCtx(GetParam().callTimeout, sizeof(psj_call_context) + 64);
  psj_instance* instance = nullptr;
  // The context claims to be larger than it is only in fields the plugin does not know, which it must not
  // read.
  const std::int32_t created =
      jt->create(jt, kvPointers.data(), kvPointers.size(), createCtx.get(), &instance);
  ASSERT_EQ(created, PSJ_OK) << createCtx.errorMessage();
  ASSERT_NE(instance, nullptr);

  RunRequestData request;
  request.externalId = externalId();
  request.idempotencyKey = "grown-1";
  request.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");
  Grown<psj_parameter> grownParameter;
  grownParameter.value = request.parameters.at(0);
  grownParameter.value.struct_size = sizeof(grownParameter);
  const psj_parameter* parameterPointers[] = {&grownParameter.value};
  Grown<psj_run_request> grownRequest;
  grownRequest.value = request.get();
  grownRequest.value.struct_size = sizeof(grownRequest);
  grownRequest.value.parameters = parameterPointers;
  grownRequest.value.parameter_count = 1;
  RunSink run(sizeof(psj_run_sink) + 64);
  TestCallContext c1(GetParam().callTimeout);
  const std::int32_t rc = jt->run(instance, c1.get(), &grownRequest.value, run.get());
  session.expectWellFormed(rc, c1, [&] { ContractSession::expectRunOk(run); }, {&run});
  if (!GetParam().runnableExternalId.empty()) {
    EXPECT_EQ(rc, PSJ_OK) << "a larger struct_size is a newer host, not an error: " << c1.errorMessage();
  }

  RunRefData ref;
  ref.runId = run.runId().value_or("echo-x");
  Grown<psj_run_ref> grownRef;
  grownRef.value = ref.get();
  grownRef.value.struct_size = sizeof(grownRef);
  StatusSink status(sizeof(psj_status_sink) + 64);
  TestCallContext c2(GetParam().callTimeout);
  const std::int32_t pollRc = jt->poll(instance, c2.get(), &grownRef.value, status.get());
  session.expectWellFormed(pollRc, c2, [&] { ContractSession::expectStatusOk(status); }, {&status});
  if (!GetParam().runnableExternalId.empty()) {
    EXPECT_EQ(pollRc, PSJ_OK) << c2.errorMessage();
  }

  Grown<psj_import_request> grownFilter;
  grownFilter.value = importRequest("");
  grownFilter.value.struct_size = sizeof(grownFilter);
  ImportSink imported(SIZE_MAX, sizeof(psj_import_sink) + 64);
  TestCallContext c3(GetParam().callTimeout);
  session.expectWellFormed(jt->import_jobs(instance, c3.get(), &grownFilter.value, imported.get()), c3, [] {},
                           {&imported});
  jt->destroy(instance);
}

TEST_P(AbiMisuse, EveryCallAfterDestroyOrOnAForeignHandleIsInvalidArgument) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  KvList settings;
  GetParam().addValidSettings(settings);
  psj_instance* destroyed = nullptr;
  TestCallContext create;
  ASSERT_EQ(jt->create(jt, settings.data(), settings.size(), create.get(), &destroyed), PSJ_OK);
  jt->destroy(destroyed);
  // A handle this plugin never made: a pointer to the host's own memory.
  std::array<std::uint64_t, 16> foreignMemory{};
  auto* foreign = reinterpret_cast<psj_instance*>(foreignMemory.data());

  RunRequestData request;
  request.externalId = externalId();
  const psj_run_request runRequest = request.get();
  RunRefData ref;
  ref.runId = "echo-x";
  const psj_run_ref runRef = ref.get();
  const psj_import_request filter = importRequest("");
  for (psj_instance* handle : {destroyed, foreign}) {
    TextSink text;
    ImportSink imported;
    RunSink run;
    StatusSink status;
    auto expectInvalid = [&](const char* what,
                             const std::function<std::int32_t(const psj_call_context*)>& call) {
      SCOPED_TRACE(what);
      TestCallContext ctx(GetParam().callTimeout);
      const std::int32_t rc = call(ctx.get());
      EXPECT_EQ(rc, PSJ_E_INVALID_ARGUMENT) << what;
      session.expectWellFormed(rc, ctx, [] {});
    };
    expectInvalid("test_connection", [&](auto* ctx) { return jt->test_connection(handle, ctx, text.get()); });
    expectInvalid("import_jobs",
                  [&](auto* ctx) { return jt->import_jobs(handle, ctx, &filter, imported.get()); });
    expectInvalid("run", [&](auto* ctx) { return jt->run(handle, ctx, &runRequest, run.get()); });
    expectInvalid("poll", [&](auto* ctx) { return jt->poll(handle, ctx, &runRef, status.get()); });
    expectInvalid("cancel", [&](auto* ctx) { return jt->cancel(handle, ctx, &runRef, status.get()); });
    jt->destroy(handle);  // ignored
    EXPECT_FALSE(text.text().has_value());
    EXPECT_EQ(run.runIdCalls(), 0);
    EXPECT_EQ(status.status().setStateCalls, 0);
    EXPECT_TRUE(imported.jobs().empty());
  }
  EXPECT_EQ(foreignMemory, (std::array<std::uint64_t, 16>{})) << "the plugin wrote through a foreign handle";
}

TEST_P(AbiMisuse, AHostThatInterruptedEveryCallBeforeItStartedGetsErrorCodes) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  ASSERT_NE(instance, nullptr);
  RunRequestData request;
  request.externalId = externalId();
  const psj_run_request runRequest = request.get();
  RunRefData ref;
  ref.runId = "echo-x";
  const psj_run_ref runRef = ref.get();
  const psj_import_request filter = importRequest("");
  // The real job type would reach the network in each of these, so an interrupt must end it first.
  const bool networked = GetParam().callTimeout.has_value();

  auto interrupted = [&](const char* what, const std::function<std::int32_t(const psj_call_context*)>& call) {
    SCOPED_TRACE(what);
    TestCallContext ctx(GetParam().callTimeout);
    ctx.interrupt();
    const std::int32_t rc = call(ctx.get());
    session.expectWellFormed(rc, ctx, [] {});
    if (networked) {
      EXPECT_EQ(rc, PSJ_E_INTERRUPTED) << what << ": " << ctx.errorMessage();
    }
    EXPECT_FALSE(ctx.handlerInstalled()) << what << ": the interrupt handler outlived the call";
  };
  TextSink text;
  ImportSink imported;
  RunSink run;
  StatusSink status;
  interrupted("test_connection", [&](auto* ctx) { return jt->test_connection(instance, ctx, text.get()); });
  interrupted("import_jobs",
              [&](auto* ctx) { return jt->import_jobs(instance, ctx, &filter, imported.get()); });
  interrupted("run", [&](auto* ctx) { return jt->run(instance, ctx, &runRequest, run.get()); });
  interrupted("poll", [&](auto* ctx) { return jt->poll(instance, ctx, &runRef, status.get()); });
  interrupted("cancel", [&](auto* ctx) { return jt->cancel(instance, ctx, &runRef, status.get()); });
  KvList settings;
  GetParam().addValidSettings(settings);
  psj_instance* created = nullptr;
  TestCallContext ctx;
  ctx.interrupt();
  const std::int32_t rc = jt->create(jt, settings.data(), settings.size(), ctx.get(), &created);
  session.expectWellFormed(rc, ctx, [] {});
  if (rc == PSJ_OK) jt->destroy(created);
}

TEST_P(AbiMisuse, AHostThatInterruptsEveryCallWhileItRunsGetsErrorCodes) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  ASSERT_NE(instance, nullptr);
  RunRequestData request;
  request.externalId = GetParam().blocksOnExternalIdBlock ? "block" : externalId();
  const psj_run_request runRequest = request.get();
  RunRefData ref;
  ref.runId = "echo-x";
  const psj_run_ref runRef = ref.get();
  const psj_import_request filter = importRequest("");
  int malformed = 0;
  for (int i = 0; i < 20; ++i) {
    TestCallContext ctx(GetParam().callTimeout);
    std::atomic<bool> started{false};
    TextSink text;
    ImportSink imported;
    RunSink run;
    StatusSink status;
    std::int32_t rc = PSJ_OK;
    std::thread caller([&] {
      started = true;
      switch (i % 4) {
        case 0:
          rc = jt->run(instance, ctx.get(), &runRequest, run.get());
          break;
        case 1:
          rc = jt->poll(instance, ctx.get(), &runRef, status.get());
          break;
        case 2:
          rc = jt->cancel(instance, ctx.get(), &runRef, status.get());
          break;
        default:
          rc = jt->import_jobs(instance, ctx.get(), &filter, imported.get());
          break;
      }
    });
    while (!started) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::microseconds(50 * (i % 5)));  // interrupt at different points
    ctx.interrupt();
    caller.join();
    if (rc != PSJ_OK && (ctx.errorCode() != rc || !knownCode(rc) || ctx.errorMessage().empty())) ++malformed;
    if (ctx.handlerInstalled()) ++malformed;
    ctx.finish();
    EXPECT_EQ(ctx.lateCalls(), 0);
  }
  EXPECT_EQ(malformed, 0) << "an interrupted call gave a malformed outcome or left its handler installed";
}

TEST_P(AbiMisuse, InitRefusesAMissingOrShortHostWithoutCrashing) {
  const std::optional<std::string> library = []() -> std::optional<std::string> {
    auto manifest = readManifest(GetParam().manifest);
    if (auto* m = std::get_if<Manifest>(&manifest)) {
      const auto folder = GetParam().libraryDir.value_or(GetParam().manifest.parent_path());
      return (folder / m->library).string();
    }
    return std::nullopt;
  }();
  ASSERT_TRUE(library.has_value());
  const psj_plugin_entry* entry = openEntry(*library);
  ASSERT_NE(entry, nullptr);
  EXPECT_NE(entry->init(nullptr, library->c_str(), PSJ_ABI_MINOR), PSJ_OK) << "init without a host";
  TestHost tiny(PSJ_ABI_MINOR, 4);
  EXPECT_NE(entry->init(tiny.table(), library->c_str(), PSJ_ABI_MINOR), PSJ_OK) << "init with a 4-byte host";
  // Asking for job types before a successful init, or out of range, and deinit without init: harmless.
  (void)entry->job_type_count();
  (void)entry->job_type_at(0);
  EXPECT_EQ(entry->job_type_at(UINT32_MAX), nullptr);
  entry->deinit();
  entry->deinit();
}

INSTANTIATE_TEST_SUITE_P(Plugins, AbiMisuse, ::testing::ValuesIn(pluginCases()), CaseName());

}  // namespace
}  // namespace abitest
