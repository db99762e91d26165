#include "polysync_host/check/ConformanceChecks.h"

#include <Poco/JSON/Parser.h>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <utility>

#include "polysync_host/Errors.h"

namespace polysync::host::check {
namespace {

// "NotFound (200)"; a code this host has no name for, "code 777".
std::string codeOf(int32_t rc) {
  return isKnownCode(rc) ? codeText(rc) + " (" + std::to_string(rc) + ")" : codeText(rc);
}

void addSettings(KvList& list, const CheckProfile& profile) {
  for (const auto& s : *profile.validSettings) list.add(s.key, s.value, s.flags);
}

// One instance created from the profile's valid settings, destroyed at the end of the check.
class Instance {
 public:
  Instance(Findings& findings, const psj_job_type& jobType, const CheckProfile& profile) : jobType_(jobType) {
    KvList settings;
    addSettings(settings, profile);
    RecordingCallContext ctx(profile.callTimeout);
    const int32_t rc = jobType.create(&jobType, settings.data(), settings.size(), ctx.get(), &instance_);
    if (rc != PSJ_OK) instance_ = nullptr;
    if (rc == PSJ_E_INVALID_SETTINGS && profile.settingsAreGuessed) {
      findings.skip("create() refused the settings the schema implies (" + oneLineDetail(ctx.errorMessage()) +
                    "); pass --platform FILE with settings it accepts");
      return;
    }
    findings.expect(rc == PSJ_OK, "create() with valid settings returned " + codeOf(rc) + ": " +
                                      oneLineDetail(ctx.errorMessage()));
  }
  ~Instance() {
    if (instance_ != nullptr) jobType_.destroy(instance_);
  }
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;
  psj_instance* get() const { return instance_; }
  psj_instance* release() { return std::exchange(instance_, nullptr); }

 private:
  const psj_job_type& jobType_;
  psj_instance* instance_ = nullptr;
};

// Calls `call` with a new context: the plugin must refuse it with an error code, and a well-formed error.
// Returns the code.
template <class Call>
int32_t expectRefused(Findings& f, const CheckProfile& profile, const std::string& problem, Call call,
                      std::initializer_list<SinkBase*> sinks = {}) {
  RecordingCallContext ctx(profile.callTimeout);
  const int32_t rc = call(ctx.get());
  f.expect(rc != PSJ_OK, problem);
  checkWellFormed(
      f, profile, rc, ctx, [](Findings&) {}, sinks);
  return rc;
}

// poll() of `ref`, a run ref the caller broke: the plugin must refuse it.
void expectPollRefused(Findings& f, const psj_job_type& jt, psj_instance* instance,
                       const CheckProfile& profile, const psj_run_ref& ref, const std::string& problem) {
  StatusSink status;
  expectRefused(f, profile, problem, [&](auto* ctx) { return jt.poll(instance, ctx, &ref, status.get()); },
                {&status});
}

void checkSchema(Findings& findings, const char* what, const char* schema) {
  if (schema == nullptr) return;
  try {
    Poco::JSON::Parser().parse(schema);
  } catch (const std::exception& e) {
    findings.expect(false, std::string(what) + " is not JSON: " + oneLineDetail(e.what()));
  }
}

// create, destroy, run and poll are required; test_connection, import_jobs and cancel may be NULL ("not
// supported"), but not when the capabilities claim them.
bool hasRequiredCallbacks(const psj_job_type& jt) {
  return jt.struct_size >= sizeof(psj_job_type) && jt.create != nullptr && jt.destroy != nullptr &&
         jt.run != nullptr && jt.poll != nullptr &&
         ((jt.capabilities & PSJ_CAP_TEST_CONNECTION) == 0 || jt.test_connection != nullptr) &&
         ((jt.capabilities & PSJ_CAP_IMPORT) == 0 || jt.import_jobs != nullptr) &&
         ((jt.capabilities & PSJ_CAP_CANCEL) == 0 || jt.cancel != nullptr);
}

void descriptor(Findings& f, const psj_job_type& jt, const CheckProfile&) {
  f.expect(jt.struct_size >= sizeof(psj_job_type), "struct_size " + std::to_string(jt.struct_size) +
                                                       " is below the ABI 1.0 size " +
                                                       std::to_string(sizeof(psj_job_type)));
  if (f.expect(jt.id != nullptr, "id is NULL")) f.expect(std::strlen(jt.id) > 0, "id is empty");
  if (f.expect(jt.display_name != nullptr, "display_name is NULL")) {
    f.expect(std::strlen(jt.display_name) > 0, "display_name is empty");
  }
  f.expect(jt.create != nullptr, "create is NULL");
  f.expect(jt.destroy != nullptr, "destroy is NULL");
  f.expect(jt.run != nullptr, "run is NULL");
  f.expect(jt.poll != nullptr, "poll is NULL");
  f.expect((jt.capabilities & PSJ_CAP_TEST_CONNECTION) == 0 || jt.test_connection != nullptr,
           "the capabilities claim test_connection but it is NULL");
  f.expect((jt.capabilities & PSJ_CAP_IMPORT) == 0 || jt.import_jobs != nullptr,
           "the capabilities claim import_jobs but it is NULL");
  f.expect((jt.capabilities & PSJ_CAP_CANCEL) == 0 || jt.cancel != nullptr,
           "the capabilities claim cancel but it is NULL");
  checkSchema(f, "settings_schema_json", jt.settings_schema_json);
  checkSchema(f, "attributes_schema_json", jt.attributes_schema_json);
  checkSchema(f, "parameters_schema_json", jt.parameters_schema_json);
}

void createWithValidSettings(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  Instance instance(f, jt, profile);
  if (!f.skipped()) f.expect(instance.get() != nullptr, "create() gave no instance");
}

void createWithoutRequiredSetting(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  if (profile.requiredSetting.empty()) {
    f.skip("no setting is known to be required (the settings schema lists none)");
    return;
  }
  KvList settings;
  for (const auto& s : *profile.validSettings) {
    if (s.key != profile.requiredSetting) settings.add(s.key, s.value, s.flags);
  }
  RecordingCallContext ctx(profile.callTimeout);
  psj_instance* instance = nullptr;
  const auto rc = jt.create(&jt, settings.data(), settings.size(), ctx.get(), &instance);
  f.expect(rc == PSJ_E_INVALID_SETTINGS, "create() without \"" + profile.requiredSetting + "\" returned " +
                                             codeOf(rc) + ", not InvalidSettings");
  f.expect(instance == nullptr, "create() failed but gave an instance");
  f.expect(ctx.errorMessage().find(profile.requiredSetting) != std::string::npos,
           "the error does not name the missing setting \"" + profile.requiredSetting +
               "\": " + oneLineDetail(ctx.errorMessage()));
  if (instance != nullptr && rc == PSJ_OK) jt.destroy(instance);
  checkWellFormed(f, profile, rc, ctx, [](Findings&) {});
}

void everyCallback(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  Instance created(f, jt, profile);
  psj_instance* instance = created.get();
  if (instance == nullptr) return;

  RecordingCallContext c1(profile.callTimeout);
  TextSink text;
  if (jt.test_connection != nullptr) {  // optional: NULL means not supported
    checkWellFormed(f, profile, jt.test_connection(instance, c1.get(), text.get()), c1, [](Findings&) {},
                    {&text});
  }

  RecordingCallContext c2(profile.callTimeout);
  ImportSink imported;
  const psj_import_request filter = importRequest("");
  if (jt.import_jobs != nullptr) {
    checkWellFormed(f, profile, jt.import_jobs(instance, c2.get(), &filter, imported.get()), c2,
                    [](Findings&) {}, {&imported});
  }

  RunRequestData request;
  request.externalId = profile.runExternalId;
  request.idempotencyKey = "key-1";
  request.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hello");
  const psj_run_request runRequest = request.get();
  RecordingCallContext c3(profile.callTimeout);
  RunSink run;
  const auto runRc = jt.run(instance, c3.get(), &runRequest, run.get());
  checkWellFormed(f, profile, runRc, c3, [&](Findings& ok) { checkRunOk(ok, run); }, {&run});
  if (profile.runMustSucceed) {
    f.expect(runRc == PSJ_OK, "run() of \"" + profile.runExternalId + "\" returned " + codeOf(runRc) + ": " +
                                  oneLineDetail(c3.errorMessage()));
  }

  RunRefData ref;
  ref.runId = run.runId().value_or("run-1");
  ref.parameters.add("echo", PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "");
  const psj_run_ref runRef = ref.get();
  for (int i = 0; i < 2; ++i) {
    RecordingCallContext c4(profile.callTimeout);
    StatusSink status;
    checkWellFormed(f, profile, jt.poll(instance, c4.get(), &runRef, status.get()), c4,
                    [&](Findings& ok) { checkStatusOk(ok, status); }, {&status});
    f.expect(status.lateCalls() == 0, "poll()'s status sink was used after poll() returned");
  }
  RecordingCallContext c5(profile.callTimeout);
  StatusSink cancelled;
  if (jt.cancel != nullptr) {
    checkWellFormed(f, profile, jt.cancel(instance, c5.get(), &runRef, cancelled.get()), c5,
                    [&](Findings& ok) { checkStatusOk(ok, cancelled); }, {&cancelled});
  }

  for (RecordingCallContext* ctx : {&c1, &c2, &c3, &c5}) {
    f.expect(ctx->lateCalls() == 0, "a call context was used after its call returned");
  }
  for (SinkBase* sink : std::initializer_list<SinkBase*>{&text, &imported, &run, &cancelled}) {
    f.expect(sink->lateCalls() == 0, "a sink was used after its call returned");
  }
}

void nullArguments(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  Instance created(f, jt, profile);
  psj_instance* instance = created.get();
  if (instance == nullptr) return;
  TextSink text;
  StatusSink status;
  RunSink run;
  ImportSink imported;
  RunRefData ref;
  ref.runId = "run-x";
  const psj_run_ref runRef = ref.get();
  RunRequestData request;
  request.externalId = profile.runExternalId;
  const psj_run_request runRequest = request.get();
  const psj_import_request filter = importRequest("");

  // No context: nowhere to report, but still an error code and no crash.
  if (jt.test_connection != nullptr) {  // the optional callbacks are checked when there
    f.expect(jt.test_connection(instance, nullptr, text.get()) != PSJ_OK,
             "test_connection() without a context returned PSJ_OK");
  }
  f.expect(jt.poll(instance, nullptr, &runRef, status.get()) != PSJ_OK,
           "poll() without a context returned PSJ_OK");
  psj_instance* none = nullptr;
  f.expect(jt.create(&jt, nullptr, 0, nullptr, &none) != PSJ_OK,
           "create() without a context returned PSJ_OK");

  auto expectNullRefused = [&](const char* what, auto call) {
    expectRefused(f, profile, std::string(what) + ": PSJ_OK instead of an error", call);
  };
  if (jt.test_connection != nullptr) {
    expectNullRefused("null instance",
                      [&](auto* ctx) { return jt.test_connection(nullptr, ctx, text.get()); });
    expectNullRefused("null text sink",
                      [&](auto* ctx) { return jt.test_connection(instance, ctx, nullptr); });
  } else {
    expectNullRefused("null instance",
                      [&](auto* ctx) { return jt.poll(nullptr, ctx, &runRef, status.get()); });
  }
  if (jt.import_jobs != nullptr) {
    expectNullRefused("null import request",
                      [&](auto* ctx) { return jt.import_jobs(instance, ctx, nullptr, imported.get()); });
    expectNullRefused("null import sink",
                      [&](auto* ctx) { return jt.import_jobs(instance, ctx, &filter, nullptr); });
  }
  expectNullRefused("null run request", [&](auto* ctx) { return jt.run(instance, ctx, nullptr, run.get()); });
  expectNullRefused("null run sink", [&](auto* ctx) { return jt.run(instance, ctx, &runRequest, nullptr); });
  expectNullRefused("null run ref", [&](auto* ctx) { return jt.poll(instance, ctx, nullptr, status.get()); });
  expectNullRefused("null status sink", [&](auto* ctx) { return jt.poll(instance, ctx, &runRef, nullptr); });
  if (jt.cancel != nullptr) {
    expectNullRefused("null cancel ref",
                      [&](auto* ctx) { return jt.cancel(instance, ctx, nullptr, status.get()); });
  }
  expectNullRefused("null out_instance", [&](auto* ctx) { return jt.create(&jt, nullptr, 0, ctx, nullptr); });
  expectNullRefused("settings list NULL with a count",
                    [&](auto* ctx) { return jt.create(&jt, nullptr, 3, ctx, &none); });
  f.expect(run.runIdCalls() == 0, "set_run_id was called while a call was refused");
  f.expect(status.status().setStateCalls == 0, "set_state was called while a call was refused");
}

void truncatedStructs(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  Instance created(f, jt, profile);
  psj_instance* instance = created.get();
  if (instance == nullptr) return;

  RunRequestData request;
  request.externalId = profile.runExternalId;
  psj_run_request shortRequest = request.get();
  shortRequest.struct_size = 8;
  RunSink run;
  expectRefused(f, profile, "run() of a truncated request returned PSJ_OK",
                [&](auto* ctx) { return jt.run(instance, ctx, &shortRequest, run.get()); }, {&run});
  f.expect(run.runIdCalls() == 0, "a truncated request was run (set_run_id called)");

  RunRefData ref;
  ref.runId = "run-x";
  psj_run_ref shortRef = ref.get();
  shortRef.struct_size = 4;
  expectPollRefused(f, jt, instance, profile, shortRef, "poll() of a truncated run ref returned PSJ_OK");

  // A run sink that ends before set_run_id cannot take a run id: refuse before running anything.
  const psj_run_request fullRequest = request.get();
  RunSink tinySink(8);
  expectRefused(f, profile, "run() with a run sink too small for set_run_id returned PSJ_OK",
                [&](auto* ctx) { return jt.run(instance, ctx, &fullRequest, tinySink.get()); }, {&tinySink});
  f.expect(tinySink.runIdCalls() == 0, "set_run_id was called through a truncated run sink");

  // A context too small to carry set_error: an error code, and no call through the missing fields.
  RecordingCallContext tinyCtx(std::nullopt, 8);
  TextSink text;
  StatusSink tinyStatus;
  const psj_run_ref fullRef = ref.get();
  const int32_t tinyRc = jt.test_connection != nullptr
                             ? jt.test_connection(instance, tinyCtx.get(), text.get())
                             : jt.poll(instance, tinyCtx.get(), &fullRef, tinyStatus.get());
  f.expect(tinyRc != PSJ_OK, "a call with a truncated context returned PSJ_OK");
  f.expect(tinyCtx.errorCalls() == 0, "set_error was called through a truncated context");
}

void malformedLists(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  Instance created(f, jt, profile);
  psj_instance* instance = created.get();
  if (instance == nullptr) return;

  // A settings list with a NULL entry, and one whose value has a length but no data.
  KvList settings;
  addSettings(settings, profile);
  std::vector<const psj_kv*> withNull(settings.data(), settings.data() + settings.size());
  withNull.push_back(nullptr);
  psj_instance* madeOfBadSettings = nullptr;
  const auto rc1 = expectRefused(
      f, profile, "create() with a NULL entry in the settings list returned PSJ_OK",
      [&](auto* ctx) { return jt.create(&jt, withNull.data(), withNull.size(), ctx, &madeOfBadSettings); });
  if (settings.size() > 0) {
    settings.at(0).value.data = nullptr;
    settings.at(0).value.len = 12;
    expectRefused(
        f, profile, "create() with a setting of length 12 but no data returned PSJ_OK",
        [&](auto* ctx) { return jt.create(&jt, settings.data(), settings.size(), ctx, &madeOfBadSettings); });
  }
  f.expect(madeOfBadSettings == nullptr, "create() gave an instance for a malformed settings list");
  if (rc1 == PSJ_OK && madeOfBadSettings != nullptr) jt.destroy(madeOfBadSettings);

  // A run ref whose parameter list is NULL with a count, and one with an unknown data type.
  RunRefData ref;
  ref.runId = "run-x";
  psj_run_ref nullList = ref.get();
  nullList.parameter_count = 5;
  expectPollRefused(f, jt, instance, profile, nullList,
                    "poll() of a run ref with a NULL parameter list and a count returned PSJ_OK");

  RunRequestData request;
  request.externalId = profile.runExternalId;
  request.parameters.add("text", PSJ_DIRECTION_INPUT, 999, "x");
  const psj_run_request odd = request.get();
  RecordingCallContext c4(profile.callTimeout);
  RunSink r4;
  const auto rc4 = jt.run(instance, c4.get(), &odd, r4.get());
  checkWellFormed(f, profile, rc4, c4, [&](Findings& ok) { checkRunOk(ok, r4); }, {&r4});
}

void callsAfterDestroy(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  psj_instance* instance = Instance(f, jt, profile).release();
  if (instance == nullptr) return;
  jt.destroy(instance);

  RecordingCallContext ctx(profile.callTimeout);
  if (jt.test_connection != nullptr) {
    TextSink text;
    const auto rc = jt.test_connection(instance, ctx.get(), text.get());
    f.expect(rc == PSJ_E_INVALID_ARGUMENT,
             "test_connection() on a destroyed instance returned " + codeOf(rc) + ", not InvalidArgument");
    checkWellFormed(f, profile, rc, ctx, [](Findings&) {}, {&text});
    f.expect(!text.text().has_value(), "test_connection() on a destroyed instance reported a result");
  } else {
    RunRefData ref;
    ref.runId = "run-x";
    const psj_run_ref runRef = ref.get();
    StatusSink status;
    const auto rc = jt.poll(instance, ctx.get(), &runRef, status.get());
    f.expect(rc == PSJ_E_INVALID_ARGUMENT,
             "poll() on a destroyed instance returned " + codeOf(rc) + ", not InvalidArgument");
    checkWellFormed(f, profile, rc, ctx, [](Findings&) {}, {&status});
    f.expect(status.status().setStateCalls == 0, "poll() on a destroyed instance reported a state");
  }
  jt.destroy(instance);  // a second destroy is ignored
  jt.destroy(nullptr);   // so is NULL
}

void concurrentPolls(Findings& f, const psj_job_type& jt, const CheckProfile& profile) {
  Instance created(f, jt, profile);
  psj_instance* instance = created.get();
  if (instance == nullptr) return;
  std::vector<std::thread> threads;
  std::atomic<int> malformed{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < profile.concurrentPollsPerThread; ++i) {
        RunRefData ref;
        ref.runId = "run-" + std::to_string(t) + "-" + std::to_string(i % 3);
        const psj_run_ref runRef = ref.get();
        RecordingCallContext ctx(profile.callTimeout);
        StatusSink status;
        const auto rc = jt.poll(instance, ctx.get(), &runRef, status.get());
        if (rc == PSJ_OK ? status.status().setStateCalls == 0 : (ctx.errorCode() != rc || !knownCode(rc))) {
          ++malformed;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  f.expect(malformed.load() == 0, std::to_string(malformed.load()) + " of the polls from 4 threads at once " +
                                      "gave an outcome that is not well formed");
}

std::string redacted(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

}  // namespace

bool Findings::expect(bool ok, const std::string& problem) {
  if (!ok) problems_.push_back(problem);
  return ok;
}

bool knownCode(int32_t code) {
  return PSJ_CODE_IS_RETRYABLE(code) || PSJ_CODE_IS_CONFIGURATION(code) || PSJ_CODE_IS_PERMANENT(code);
}

void checkWellFormed(Findings& f, const CheckProfile& profile, int32_t rc, RecordingCallContext& ctx,
                     const std::function<void(Findings&)>& okChecks, std::initializer_list<SinkBase*> sinks) {
  if (rc == PSJ_OK) {
    okChecks(f);
  } else {
    f.expect(knownCode(rc),
             "code " + std::to_string(rc) + " is in no band (shown raw; a host calls it Internal)");
    f.expect(ctx.errorCalls() >= 1, "error " + codeOf(rc) + " without set_error");
    // Without set_error there is no code to compare: the line above says so.
    f.expect(ctx.errorCalls() == 0 || ctx.errorCode() == rc,
             "set_error code " + codeOf(ctx.errorCode()) + " differs from the return code " + codeOf(rc));
    f.expect(!ctx.errorMessage().empty(), "error " + codeOf(rc) + " with an empty message");
  }
  for (const auto& secret : profile.secrets) {
    f.expect(secret.empty() || ctx.errorMessage().find(secret) == std::string::npos,
             "a message shows the secret");
  }
  ctx.finish();
  for (SinkBase* sink : sinks) sink->close();
}

void checkRunOk(Findings& f, const RunSink& sink) {
  const auto runId = sink.runId();
  if (!f.expect(runId.has_value(), "PSJ_OK from run() without set_run_id")) return;
  f.expect(!runId->empty(), "PSJ_OK from run() with an empty run id");
  f.expect(runId->size() <= 1024u, "a run id longer than 1024 bytes");
}

void checkStatusOk(Findings& f, const StatusSink& sink) {
  const RecordedStatus status = sink.status();
  f.expect(status.setStateCalls >= 1, "PSJ_OK from poll()/cancel() without set_state");
  if (status.state == PSJ_STATE_FAILED) {
    if (!f.expect(status.message.has_value(), "a failed state without a message")) return;
    f.expect(!status.message->empty(), "a failed state with an empty message");
  }
}

const std::vector<ConformanceCheck>& conformanceChecks() {
  static const std::vector<ConformanceCheck> checks{
      {"descriptor", "the job type's descriptor is complete: id, display name, every callback, JSON schemas",
       false, descriptor},
      {"create", "create() accepts valid settings", true, createWithValidSettings},
      {"create-without-required-setting", "create() without a required setting fails naming it", true,
       createWithoutRequiredSetting},
      {"every-callback",
       "every callback gives a well-formed outcome (PSJ_OK with its sink calls, or set_error)", true,
       everyCallback},
      {"null-arguments", "NULL arguments are refused with an error code, without crashing", true,
       nullArguments},
      {"truncated-structs", "truncated structs are refused without reading past them", true,
       truncatedStructs},
      {"malformed-lists", "malformed settings and parameter lists are refused without crashing", true,
       malformedLists},
      {"calls-after-destroy", "a destroyed instance is refused with InvalidArgument", true,
       callsAfterDestroy},
      {"concurrent-polls", "polls from 4 threads on one instance are each well formed", true,
       concurrentPolls},
  };
  return checks;
}

CheckResult runConformanceCheck(const std::string& name, const psj_job_type& jobType,
                                const CheckProfile& profile) {
  for (const auto& check : conformanceChecks()) {
    if (name != check.name) continue;
    CheckResult result{check.name, check.title, {}, std::nullopt};
    if (check.needsInstance && !hasRequiredCallbacks(jobType)) {
      result.skipReason = "the descriptor lacks a callback (see the check \"descriptor\"): nothing to call";
      return result;
    }
    if (check.needsInstance && !profile.validSettings) {
      result.skipReason =
          profile.settingsUnavailable.empty() ? "no valid settings are known" : profile.settingsUnavailable;
      return result;
    }
    Findings findings;
    check.run(findings, jobType, profile);
    for (const auto& problem : findings.problems())
      result.problems.push_back(redacted(problem, profile.secrets));
    if (result.problems.empty()) result.skipReason = findings.skipped();
    return result;
  }
  throw std::invalid_argument("no conformance check is called " + name);
}

}  // namespace polysync::host::check
