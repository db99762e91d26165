// JobType and JobTypeInstance: what a job type implements, in plain C++. plugin/src/abi/ is the only code
// that turns these into the C ABI (polysync_jobtype_v1); nothing here sees a C struct.
//
// Errors: every method fails by throwing JobTypeError (any other exception becomes Internal). Results are
// returned by value; the ABI layer hands them to the host.
//
// Threads: JobType::create and every JobTypeInstance method may run concurrently, also several at once on
// one instance (the scheduler polls many runs together). An instance is destroyed only when no call on it is
// in flight; its destructor wipes the secrets it holds (keep them in SecretString members).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/CallContext.h"
#include "core/ImportedJob.h"
#include "core/RunRequest.h"
#include "core/RunResult.h"
#include "core/Setting.h"
#include "core/StatusReport.h"

namespace aifoundry::core {

// What the job type can do (the ABI's PSJ_CAP_* bits).
struct Capabilities {
  bool testConnection = false;
  bool importJobs = false;
  bool cancel = false;
  bool outputs = false;        // poll writes Output parameters back
  bool idempotentRun = false;  // run honours RunRequest::idempotencyKey (exactly-once submission)
  bool statelessPoll = false;  // poll/cancel need only the run id: they work across processes and restarts
  bool progress = false;       // poll reports step progress (ABI 1.1)
};

// The job type's static description. Schemas are JSON Schema (draft 2020-12) text whose property names
// are the Polysync attribute names; an empty schema is not published.
struct JobTypeInfo {
  std::string id;           // stable machine id, e.g. "azure.aifoundry.pipeline-job"
  std::string displayName;  // e.g. "AI Foundry Pipeline Job"
  Capabilities capabilities;
  std::string settingsSchemaJson;
  std::string attributesSchemaJson;
  std::string parametersSchemaJson;
};

// Receives one imported job; returns false when the host wants no more (stop and return normally).
using ImportEmitter = std::function<bool(const ImportedJob&)>;

// One platform connection, created from immutable settings. The defaults throw Unsupported.
class JobTypeInstance {
 public:
  virtual ~JobTypeInstance() = default;

  // Signs in and reads the platform; returns a one-line description of what was checked. Throws
  // Authentication, Permission, NotFound or Unavailable saying plainly which it is.
  virtual std::string testConnection(CallContext& ctx);

  // Streams the platform's jobs through `emit`, one at a time, as soon as each is known.
  virtual void importJobs(CallContext& ctx, const ImportRequest& request, const ImportEmitter& emit);

  // Submits one run (exactly once per idempotency key) and returns its id. Validates before submitting.
  virtual RunResult run(CallContext& ctx, const RunRequest& request);

  // Reads a run's status; on a terminal state also its outputs and, for failures, why.
  virtual StatusReport poll(CallContext& ctx, const RunRef& run);

  // Asks the provider to cancel the run and reports the status that follows; a finished run reports its
  // final status; an unknown run throws NotFound.
  virtual StatusReport cancel(CallContext& ctx, const RunRef& run);
};

class JobType {
 public:
  virtual ~JobType() = default;

  // Static for the job type's lifetime; the ABI layer copies it once.
  virtual const JobTypeInfo& info() const = 0;

  // Validates `settings` without network access and creates a connection. Throws InvalidSettings naming the
  // setting (never its value) when one is missing or malformed.
  virtual std::unique_ptr<JobTypeInstance> create(const std::vector<Setting>& settings, CallContext& ctx) = 0;
};

}  // namespace aifoundry::core
