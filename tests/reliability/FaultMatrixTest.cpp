// Fault matrix: every fault the emulator can inject, on every route an operation uses, for every operation
// (sign-in, test connection, import, run, poll, cancel), driven through the real job type (core::JobType, as
// the ABI layer calls it) against the in-process HTTPS emulator.
//
// Each case starts from a fresh instance (empty token cache, no discovered Run History host), scripts one
// fault, makes one call with its own deadline and checks the outcome in the table below: either the call was
// retried and succeeded, or it failed with exactly one clear, one-line error in the right ABI band that names
// the Azure code and request id when the service gave them. Every case also checks that the fault was really
// hit and that no duplicate job appeared. The totals are printed at the end (docs/reliability.md).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "PipelineJobFixture.h"
#include "identity/ManagedIdentityCredential.h"
#include "pipeline_job/PipelineJobType.h"

namespace aifoundry::pipeline_job::testing {
namespace {

using core::ErrorCode;

enum class Op { SignIn, TestConnection, Import, Run, Poll, Cancel };

const char* opName(Op op) {
  switch (op) {
    case Op::SignIn:
      return "sign-in";
    case Op::TestConnection:
      return "test connection";
    case Op::Import:
      return "import";
    case Op::Run:
      return "run";
    case Op::Poll:
      return "poll";
    case Op::Cancel:
      return "cancel";
  }
  return "?";
}

// What a case must end with: success (after retries), or this error code.
struct Expect {
  bool ok = true;
  ErrorCode code = ErrorCode::Internal;
};
constexpr Expect kOk{true, ErrorCode::Internal};
constexpr Expect fails(ErrorCode code) { return Expect{false, code}; }

// One fault of the table: the emulator's spec (route added per case) and the outcome on a route whose
// failure fails the call. `azureCode`: the error code the service's body carries (the message must name it).
struct FaultCase {
  const char* name;
  const char* spec;
  Expect expect;
  const char* azureCode = nullptr;
  const char* identityCode = nullptr;  // the same for the Entra token endpoint's body
  std::chrono::milliseconds deadline{10000};
};

const std::vector<FaultCase>& faultTable() {
  using std::chrono::milliseconds;
  static const std::vector<FaultCase> table = {
      {"429 once, retry-after-ms 1", "429,retryAfterMs=1", kOk},
      {"429 always, Retry-After 7 s", "429,retryAfter=7,count=-1", fails(ErrorCode::RateLimited),
       "TooManyRequests", "AADSTS50196"},
      {"429 always, Retry-After as HTTP date", "429,retryAfter=http-date+30,count=-1",
       fails(ErrorCode::RateLimited), "TooManyRequests", "AADSTS50196"},
      {"500 once", "500", kOk},
      {"502 once", "502", kOk},
      {"503 once", "503", kOk},
      {"504 once", "504", kOk},
      {"500 twice", "500,count=2", kOk},
      {"500 always", "500,count=-1", fails(ErrorCode::Unavailable), "InternalServerError", "AADSTS50196"},
      {"503 always", "503,count=-1", fails(ErrorCode::Unavailable), "ServiceUnavailable", "AADSTS50196"},
      {"504 always", "504,count=-1", fails(ErrorCode::Unavailable), "GatewayTimeout", "AADSTS50196"},
      {"400", "400,count=-1", fails(ErrorCode::Rejected), "ScriptedFault", "AADSTS90000"},
      {"401", "401,count=-1", fails(ErrorCode::Authentication), "ScriptedFault", "AADSTS90000"},
      {"403", "403,count=-1", fails(ErrorCode::Permission), "ScriptedFault", "AADSTS90000"},
      {"404", "404,count=-1", fails(ErrorCode::NotFound), "ScriptedFault", "AADSTS90000"},
      {"409", "409,count=-1", fails(ErrorCode::Rejected), "ScriptedFault", "AADSTS90000"},
      {"connection reset before headers, once", "reset-before-headers", kOk},
      {"connection reset before headers, always", "reset-before-headers,count=-1",
       fails(ErrorCode::Unavailable)},
      {"connection reset after headers, once", "reset-after-headers", kOk},
      {"connection reset after headers, always", "reset-after-headers,count=-1",
       fails(ErrorCode::Unavailable)},
      {"truncated body, once", "truncated-body", kOk},
      {"truncated body, always", "truncated-body,count=-1", fails(ErrorCode::Unavailable)},
      {"malformed JSON, once", "malformed-json", kOk},
      {"malformed JSON, always", "malformed-json,count=-1", fails(ErrorCode::Unavailable)},
      {"HTML instead of JSON, once", "wrong-content-type", kOk},
      {"HTML instead of JSON, always", "wrong-content-type,count=-1", fails(ErrorCode::Unavailable)},
      {"slow answer (trickled)", "trickle,chunkBytes=512,delayMs=2", kOk},
      {"stalled answer past the deadline", "trickle,chunkBytes=1,delayMs=400,count=-1",
       fails(ErrorCode::Timeout), nullptr, nullptr, milliseconds(250)},
      // A reply past the 32 MiB limit is refused while reading (memory stays bounded), not retried.
      {"oversized body (33 MiB), once", "oversized-body,sizeBytes=34603008", fails(ErrorCode::Rejected)},
      {"applied, answer lost, once", "put-applied-response-lost", kOk},
      {"applied, answer lost, always", "put-applied-response-lost,count=-1", fails(ErrorCode::Unavailable)},
  };
  return table;
}

// One route an operation uses, and how the operation treats a failure there.
struct Target {
  Op op;
  const char* route;
  // Run History (and finding it) only adds detail to a finished run's report: a failure there leaves the
  // detail out and the poll succeeds, except when the deadline passed (Timeout) or the host interrupted.
  bool bestEffort = false;
  Settings settings = {};  // changes to the fixture's settings (e.g. another sign-in method)
};

constexpr const char* kManagedIdentity = "c0ffee00-0000-4000-8000-00000000fa17";

// Where the outcome differs from the fault's default, and why.
std::optional<Expect> exception(const Target& target, const std::string& route, const FaultCase& fault) {
  const std::string name = fault.name;
  if (target.bestEffort)
    return fault.expect.ok || fault.expect.code == ErrorCode::Timeout ? fault.expect : kOk;
  // A keyed run whose PUT was applied but whose answer is always lost (dropped, cut short) finds the job its
  // PUT created: success, one job.
  if (route == "jobs.put" &&
      (name == "applied, answer lost, always" || name == "connection reset after headers, always" ||
       name == "truncated body, always")) {
    return kOk;
  }
  // Cancel's 202 has an empty body: a reset after the headers, half of nothing, or trickling nothing is a
  // complete answer.
  if (route == "jobs.cancel" &&
      (name == "connection reset after headers, always" || name == "truncated body, always" ||
       name == "stalled answer past the deadline")) {
    return kOk;
  }
  // The token endpoints' refusals (Entra, managed identity) are sign-in failures.
  if ((route == "token" || route == "imds") &&
      (name == "400" || name == "403" || name == "404" || name == "409")) {
    return fails(ErrorCode::Authentication);
  }
  return std::nullopt;
}

struct Totals {
  std::atomic<int> cases{0}, faultsHit{0}, survived{0}, clearErrors{0}, duplicates{0}, mismatches{0};
  // Reported, never asserted (tests do not assert wall time): how far past its deadline a call returned.
  std::atomic<long long> worstOvershootMs{0};
  std::atomic<long long> worstDestroyMs{0};
  ~Totals() {
    std::printf(
        "[fault-matrix] cases tried: %d, faults hit: %d, survived (retried to success): %d, clear errors: "
        "%d, "
        "duplicate jobs: %d, unexpected outcomes: %d, worst return past a deadline: %lld ms, slowest "
        "instance "
        "destruction: %lld ms\n",
        cases.load(), faultsHit.load(), survived.load(), clearErrors.load(), duplicates.load(),
        mismatches.load(), worstOvershootMs.load(), worstDestroyMs.load());
  }
};
Totals totals;

struct Outcome {
  bool ok = false;
  ErrorCode code = ErrorCode::Internal;
  std::string message;
  std::optional<std::int64_t> retryAfterMs;
};

class FaultMatrixTest : public PipelineJobTest {
 protected:
  void SetUp() override {
    PipelineJobTest::SetUp();
    addTemplate("hang-template", R"({"emulator.behavior":"hang"})");
  }

  // A finished run whose failure is only on a child step: its poll reads the job, discovers Run History,
  // reads the run and then its children, so every poll route is on the path.
  std::string failedRun() {
    addTemplate("fail-child-template",
                R"({"emulator.behavior":"fail-in-child","emulator.failStep":"second_step"})");
    const std::string id = run(request("fail-child-template", {}, "matrix-failed")).runId;
    pollUntilTerminal(id);
    return id;
  }

  Outcome perform(Op op, core::JobTypeInstance& target, std::chrono::milliseconds deadline,
                  const std::string& caseKey, const std::string& pollRun) {
    core::ManualCallContext ctx(*host, deadline);
    Outcome outcome;
    try {
      switch (op) {
        case Op::SignIn:
        case Op::TestConnection:
          target.testConnection(ctx);
          break;
        case Op::Import: {
          size_t jobs = 0;
          target.importJobs(ctx, core::ImportRequest{}, [&](const core::ImportedJob&) { return ++jobs > 0; });
          EXPECT_GT(jobs, 0u);
          break;
        }
        case Op::Run: {
          const auto result =
              target.run(ctx, request(kTrainTemplate, {input("epochs", "5", core::DataType::Int)}, caseKey));
          EXPECT_TRUE(emulator->workspace().exists(result.runId));
          break;
        }
        case Op::Poll: {
          const auto report = target.poll(ctx, core::RunRef{pollRun, {}});
          EXPECT_EQ(report.state, core::RunState::Failed);
          EXPECT_FALSE(report.message.empty());
          break;
        }
        case Op::Cancel: {
          const auto report = target.cancel(ctx, core::RunRef{pollRun, {}});
          EXPECT_EQ(report.rawStatus, "CancelRequested");
          break;
        }
      }
      outcome.ok = true;
    } catch (const core::JobTypeError& e) {
      outcome.code = e.code();
      outcome.message = e.message();
      outcome.retryAfterMs = e.retryAfterMs();
    }
    return outcome;
  }

  void runMatrix(const std::vector<Target>& targets) {
    const std::string pollRun =
        std::any_of(targets.begin(), targets.end(), [](const Target& t) { return t.op == Op::Poll; })
            ? failedRun()
            : std::string();
    int n = 0;
    for (const auto& target : targets) {
      for (const auto& fault : faultTable()) {
        const std::string caseKey = "matrix-" + std::to_string(++n);
        SCOPED_TRACE(std::string(opName(target.op)) + " / " + target.route + " / " + fault.name);
        std::string runId = pollRun;
        if (target.op == Op::Cancel) runId = run(request("hang-template", {}, caseKey + "-hang")).runId;
        auto fresh = connect(target.settings);
        emulator->faults().clear();
        clearJournal();
        const size_t jobsBefore = emulator->workspace().jobCount();
        emulator->faults().add(azureml_emulator::Fault::parse(std::string(target.route) + ":" + fault.spec));

        const auto started = std::chrono::steady_clock::now();
        const Outcome outcome = perform(target.op, *fresh, fault.deadline, caseKey, runId);
        const auto overshoot = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now() - started - fault.deadline)
                                   .count();
        if (overshoot > totals.worstOvershootMs.load()) totals.worstOvershootMs = overshoot;
        if (overshoot > 50) {
          std::printf("[fault-matrix] %s / %s / %s returned %lld ms past its deadline\n", opName(target.op),
                      target.route, fault.name, static_cast<long long>(overshoot));
        }
        emulator->faults().clear();
        ++totals.cases;
        check(target, fault, outcome, jobsBefore);
        // The host destroys an instance after its calls returned; that must not wait on the fault either.
        const auto destroying = std::chrono::steady_clock::now();
        fresh.reset();
        const auto destroyMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now() - destroying)
                                   .count();
        if (destroyMs > totals.worstDestroyMs.load()) totals.worstDestroyMs = destroyMs;
        if (destroyMs > 50) {
          std::printf("[fault-matrix] %s / %s / %s: destroying the instance took %lld ms\n",
                      opName(target.op), target.route, fault.name, static_cast<long long>(destroyMs));
        }
      }
    }
  }

  void check(const Target& target, const FaultCase& fault, const Outcome& outcome, size_t jobsBefore) {
    const std::string route = target.route;
    const auto entries = journal(route);
    const bool hit =
        std::any_of(entries.begin(), entries.end(), [](const auto& e) { return !e.fault.empty(); });
    EXPECT_TRUE(hit) << "the fault was never applied";
    if (hit) ++totals.faultsHit;

    // No duplicate job: a run creates at most one (exactly one when it succeeded), nothing else creates any.
    const size_t created = emulator->workspace().jobCount() - jobsBefore;
    const size_t allowed = target.op == Op::Run ? 1 : 0;
    if (created > allowed) ++totals.duplicates;
    EXPECT_LE(created, allowed) << "duplicate job";
    if (target.op == Op::Run && outcome.ok) {
      EXPECT_EQ(created, 1u);
    }

    const Expect expect = exception(target, route, fault).value_or(fault.expect);
    const bool asExpected = expect.ok ? outcome.ok : (!outcome.ok && outcome.code == expect.code);
    if (!asExpected) ++totals.mismatches;
    EXPECT_TRUE(asExpected) << "expected " << (expect.ok ? "success" : core::errorCodeName(expect.code))
                            << ", got " << (outcome.ok ? "success" : core::errorCodeName(outcome.code))
                            << ": " << outcome.message;
    if (outcome.ok) {
      ++totals.survived;
      return;
    }
    // One clear line, in the band of its code, naming Azure's code and request id when Azure answered.
    ++totals.clearErrors;
    EXPECT_FALSE(outcome.message.empty());
    EXPECT_EQ(outcome.message.find('\n'), std::string::npos) << outcome.message;
    EXPECT_LE(outcome.message.size(), 2000u) << outcome.message;
    const char* azureCode = route == "token" || route == "imds" ? fault.identityCode : fault.azureCode;
    if (azureCode && !target.bestEffort) {
      EXPECT_NE(outcome.message.find(azureCode), std::string::npos) << outcome.message;
      EXPECT_NE(outcome.message.find("request-id"), std::string::npos) << outcome.message;
    }
    if (outcome.code == ErrorCode::RateLimited) {
      EXPECT_TRUE(outcome.retryAfterMs.has_value()) << outcome.message;
    }
  }
};

TEST_F(FaultMatrixTest, SignIn) { runMatrix({{Op::SignIn, "token"}}); }
TEST_F(FaultMatrixTest, SignInWithManagedIdentity) {
  // The managed-identity policy (404 and 410 retried too, like the Azure SDKs), with test-sized delays.
  PipelineJobOptions options;
  options.retry.maxRetries = 2;
  options.retry.baseDelay = std::chrono::milliseconds(1);
  options.retry.maxDelay = std::chrono::milliseconds(20);
  options.managedIdentityRetry = identity::managedIdentityRetryOptions();
  options.managedIdentityRetry->maxRetries = 2;
  options.managedIdentityRetry->baseDelay = std::chrono::milliseconds(1);
  options.managedIdentityRetry->maxDelay = std::chrono::milliseconds(20);
  options.managedIdentityRetry->goneBudget = std::chrono::milliseconds(50);
  options.environment = [](const std::string&) { return std::optional<std::string>(); };
  instance.reset();
  jobType = makePipelineJobType(options);
  emulator->registerManagedIdentity(kManagedIdentity);
  runMatrix({{Op::SignIn,
              "imds",
              false,
              {{"Authentication Method", "Managed Identity"},
               {"Client Id", kManagedIdentity},
               {"Client Secret", ""},
               {"Managed Identity Endpoint", emulator->baseUrl() + "/metadata/identity/oauth2/token"}}}});
}
TEST_F(FaultMatrixTest, TestConnection) { runMatrix({{Op::TestConnection, "workspace"}}); }
TEST_F(FaultMatrixTest, Import) { runMatrix({{Op::Import, "jobs.list"}}); }
TEST_F(FaultMatrixTest, RunReadingTheTemplate) { runMatrix({{Op::Run, "jobs.get"}}); }
TEST_F(FaultMatrixTest, RunSubmitting) { runMatrix({{Op::Run, "jobs.put"}, {Op::Run, "token"}}); }
TEST_F(FaultMatrixTest, PollReadingTheJob) { runMatrix({{Op::Poll, "jobs.get"}}); }
TEST_F(FaultMatrixTest, PollReadingRunHistory) {
  runMatrix({{Op::Poll, "workspace", true},
             {Op::Poll, "discovery", true},
             {Op::Poll, "history.run", true},
             {Op::Poll, "history.children", true}});
}
TEST_F(FaultMatrixTest, Cancel) { runMatrix({{Op::Cancel, "jobs.get"}, {Op::Cancel, "jobs.cancel"}}); }

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
