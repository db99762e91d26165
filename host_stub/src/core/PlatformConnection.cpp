#include "polysync_host/PlatformConnection.h"

#include "polysync_host/ContractViolations.h"
#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/InterruptWatcher.h"
#include "polysync_host/Sinks.h"

namespace polysync::host {
namespace {

// How many finished calls stay alive to catch late calls from a plugin (a bounded memory cost).
constexpr size_t kRetiredCalls = 64;

// Adds the watcher for the span of one call.
class WatchScope {
 public:
  WatchScope(InterruptWatcher* watcher, CallContext& ctx) : watcher_(watcher), ctx_(ctx) {
    if (watcher_) watcher_->add(ctx_);
  }
  ~WatchScope() {
    if (watcher_) watcher_->remove(ctx_);
  }
  WatchScope(const WatchScope&) = delete;
  WatchScope& operator=(const WatchScope&) = delete;

 private:
  InterruptWatcher* watcher_;
  CallContext& ctx_;
};

}  // namespace

PlatformConnection::PlatformConnection(std::shared_ptr<LoadedPlugin> plugin, const JobTypeInfo& jobType,
                                       const std::vector<Setting>& settings, InterruptWatcher* watcher,
                                       CallOptions options)
    : plugin_(std::move(plugin)), jobType_(jobType), watcher_(watcher), options_(options) {
  const psj_job_type* jt = jobType_.descriptor;
  if (!jt->create) unsupported("create");
  auto kvs = std::make_shared<KeyValueArray>(settings);
  psj_instance* instance = nullptr;
  invoke("create", std::nullopt, kvs, [&](const psj_call_context* ctx) {
    return jt->create(jt, kvs->data(), kvs->size(), ctx, &instance);
  });
  if (!instance) {
    reportContractViolation(plugin_->services().logger(), "create returned OK without an instance");
    throw OperationError(PSJ_E_INTERNAL, "job type " + jobType_.id +
                                             " returned no instance from create; the plugin is broken");
  }
  instance_ = instance;
}

PlatformConnection::~PlatformConnection() {
  if (instance_ && jobType_.descriptor->destroy) jobType_.descriptor->destroy(instance_);
}

void PlatformConnection::unsupported(const char* name) const {
  throw OperationError(PSJ_E_UNSUPPORTED, "job type " + jobType_.id + " does not implement " + name);
}

template <class Callback>
void PlatformConnection::invoke(const char* name, std::optional<TimePoint> deadline,
                                std::shared_ptr<void> keepAlive, Callback&& callback) {
  Logger& logger = plugin_->services().logger();
  if (options_.callTimeout.count() > 0) {
    const TimePoint byTimeout = CallContext::Clock::now() + options_.callTimeout;
    if (!deadline || byTimeout < *deadline) deadline = byTimeout;
  }
  auto ctx = std::make_shared<CallContext>(logger);
  ctx->begin(deadline);
  int32_t rc;
  {
    WatchScope watch(watcher_, *ctx);
    logger.log(PSJ_LOG_TRACE, std::string("calling ") + name, "host");
    rc = callback(ctx->get());
    ctx->end();
  }
  {
    std::lock_guard<std::mutex> lock(retiredMutex_);
    retired_.push_back(ctx);
    retired_.push_back(std::move(keepAlive));
    while (retired_.size() > 2 * kRetiredCalls) retired_.pop_front();
  }
  if (rc == PSJ_OK) return;
  std::string message = ctx->errorMessage();
  if (!ctx->hasError()) {
    reportContractViolation(logger, std::string(name) + " failed without calling set_error");
  } else if (ctx->errorCode() != rc) {
    reportContractViolation(logger, std::string(name) + " returned " + codeText(rc) + " but reported " +
                                        codeText(ctx->errorCode()) + " through set_error");
  }
  if (!isBandedCode(rc)) {
    reportContractViolation(logger, std::string(name) + " returned " + codeText(rc) +
                                        ", which is in no band of polysync_jobtype_v1; treated as Internal");
  }
  if (message.empty()) {
    message = std::string(name) + " failed with " + errorCodeName(rc) + " and gave no reason";
  }
  // A code this host has no name for is shown raw, so the plugin's author can find it.
  if (!isKnownCode(rc)) message += " [plugin code " + std::to_string(rc) + "]";
  // The host interrupts a call when its deadline passes, and a passed deadline is PSJ_E_TIMEOUT (base.h), not
  // INTERRUPTED: a plugin that reports the interrupt it saw is reported as timed out, unless a signal
  // (Ctrl-C) stopped it.
  if (rc == PSJ_E_INTERRUPTED && deadline && CallContext::Clock::now() >= *deadline &&
      !(watcher_ && watcher_->stopRequested())) {
    rc = PSJ_E_TIMEOUT;
    message += "; the call's deadline passed";
  }
  throw OperationError(rc, message, ctx->retryAfterMs());
}

std::optional<std::string> PlatformConnection::testConnection() {
  const psj_job_type* jt = jobType_.descriptor;
  if (!jt->test_connection) unsupported("test_connection");
  auto sink = std::make_shared<TextSink>(plugin_->services().logger());
  invoke("test_connection", std::nullopt, sink, [&](const psj_call_context* ctx) {
    const int32_t rc = jt->test_connection(instance_, ctx, sink->get());
    sink->close();
    return rc;
  });
  return sink->text();
}

std::vector<ImportedJob> PlatformConnection::importJobs(const std::string& filter) {
  const psj_job_type* jt = jobType_.descriptor;
  if (!jt->import_jobs) unsupported("import_jobs");
  auto sink = std::make_shared<ImportSink>(plugin_->services().logger());
  psj_import_request request{};
  request.struct_size = sizeof(psj_import_request);
  request.filter = toPsjStr(filter);
  invoke("import_jobs", std::nullopt, sink, [&](const psj_call_context* ctx) {
    const int32_t rc = jt->import_jobs(instance_, ctx, &request, sink->get());
    sink->close();
    return rc;
  });
  return sink->jobs();
}

RunSubmission PlatformConnection::run(const RunRequest& request) {
  const psj_job_type* jt = jobType_.descriptor;
  if (!jt->run) unsupported("run");
  auto sink = std::make_shared<RunSink>(plugin_->services().logger());
  const KeyValueArray attributes(request.attributes);
  const ParameterArray parameters(request.parameters);
  psj_run_request r{};
  r.struct_size = sizeof(psj_run_request);
  r.external_id = toPsjStr(request.externalId);
  r.display_name = toPsjStr(request.displayName);
  r.idempotency_key = toPsjStr(request.idempotencyKey);
  r.attributes = attributes.data();
  r.attribute_count = attributes.size();
  r.parameters = parameters.data();
  r.parameter_count = parameters.size();
  invoke("run", std::nullopt, sink, [&](const psj_call_context* ctx) {
    const int32_t rc = jt->run(instance_, ctx, &r, sink->get());
    sink->close();
    return rc;
  });
  if (!sink->hasRunId()) {
    reportContractViolation(plugin_->services().logger(), "run returned OK without calling set_run_id");
    throw OperationError(
        PSJ_E_INTERNAL,
        "job type " + jobType_.id + " accepted the run but reported no run id; the plugin is broken");
  }
  return sink->result();
}

RunStatus PlatformConnection::status(const char* name, bool cancel, const std::string& runId,
                                     const std::vector<RunParameter>& parameters,
                                     std::optional<TimePoint> deadline) {
  const psj_job_type* jt = jobType_.descriptor;
  const auto fn = cancel ? jt->cancel : jt->poll;
  if (!fn) unsupported(name);
  auto sink = std::make_shared<StatusSink>(plugin_->services().logger(), runId);
  const ParameterArray params(parameters);
  psj_run_ref ref{};
  ref.struct_size = sizeof(psj_run_ref);
  ref.run_id = toPsjStr(runId);
  ref.parameters = params.data();
  ref.parameter_count = params.size();
  invoke(name, deadline, sink, [&](const psj_call_context* ctx) {
    const int32_t rc = fn(instance_, ctx, &ref, sink->get());
    sink->close();
    return rc;
  });
  if (!sink->hasState()) {
    reportContractViolation(plugin_->services().logger(),
                            std::string(name) + " returned OK without calling set_state");
    throw OperationError(PSJ_E_INTERNAL, "job type " + jobType_.id + " reported no state from " + name +
                                             "; the plugin is broken");
  }
  RunStatus result = sink->result();
  if (result.state == PSJ_STATE_FAILED && (!result.message || result.message->empty())) {
    reportContractViolation(plugin_->services().logger(),
                            std::string(name) + " reported the run Failed without a message");
    result.message =
        "the job type reported the run Failed without saying why; look in the platform's own logs";
  }
  return result;
}

RunStatus PlatformConnection::poll(const std::string& runId, const std::vector<RunParameter>& parameters,
                                   std::optional<TimePoint> deadline) {
  return status("poll", false, runId, parameters, deadline);
}

RunStatus PlatformConnection::cancel(const std::string& runId, const std::vector<RunParameter>& parameters,
                                     std::optional<TimePoint> deadline) {
  return status("cancel", true, runId, parameters, deadline);
}

}  // namespace polysync::host
