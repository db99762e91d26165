#include "abi/JobTypeCallbacks.h"

#include <memory>
#include <utility>

#include "abi/CallContextAdapter.h"
#include "abi/ErrorBoundary.h"
#include "abi/ImportForwarder.h"
#include "abi/PluginRuntime.h"
#include "abi/RequestReader.h"
#include "abi/ResultWriter.h"
#include "core/JobTypeError.h"

namespace aifoundry::abi {
namespace {

using core::ErrorCode;
using core::JobTypeError;

PluginRuntime& requireRuntime() {
  PluginRuntime* runtime = PluginRuntime::current();
  if (runtime == nullptr) {
    throw JobTypeError(ErrorCode::InvalidArgument,
                       "the plugin is not initialised; the host must call init() first");
  }
  return *runtime;
}

// The common frame of every call on an instance: a usable context, a live instance, the error boundary.
template <class Body>
std::int32_t onInstance(psj_instance* handle, const psj_call_context* ctx, Body&& body) noexcept {
  if (!CallContextAdapter::usable(ctx)) return PSJ_E_INVALID_ARGUMENT;  // nowhere to report why
  return guardedCall(ctx, [&]() -> std::int32_t {
    PluginRuntime& runtime = requireRuntime();
    const std::shared_ptr<core::JobTypeInstance> instance = runtime.instances().find(handle);
    if (!instance) {
      throw JobTypeError(ErrorCode::InvalidArgument,
                         "the instance is not live (destroyed, never created, or from another plugin)");
    }
    CallContextAdapter context(ctx, runtime.host());
    body(*instance, context);
    return PSJ_OK;
  });
}

std::int32_t createInstance(const psj_job_type* jobType, const psj_kv* const* settings, std::uint64_t count,
                            const psj_call_context* ctx, psj_instance** outInstance) noexcept {
  if (!CallContextAdapter::usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  return guardedCall(ctx, [&]() -> std::int32_t {
    PluginRuntime& runtime = requireRuntime();
    if (jobType != runtime.descriptor()) {
      throw JobTypeError(ErrorCode::InvalidArgument,
                         "create() was given a job type this plugin did not register");
    }
    if (outInstance == nullptr)
      throw JobTypeError(ErrorCode::InvalidArgument, "create() was given no out_instance");
    const std::vector<core::Setting> copied = readSettings(settings, count);
    CallContextAdapter context(ctx, runtime.host());
    std::unique_ptr<core::JobTypeInstance> instance = runtime.jobType().create(copied, context);
    if (!instance)
      throw JobTypeError(ErrorCode::Internal, "the job type created no instance; this is a plugin bug");
    *outInstance = runtime.instances().add(std::move(instance));
    return PSJ_OK;
  });
}

void destroyInstance(psj_instance* handle) noexcept {
  if (handle == nullptr) return;
  try {
    if (PluginRuntime* runtime = PluginRuntime::current()) {
      if (!runtime->instances().remove(handle)) {
        runtime->host().log(core::LogLevel::Warn,
                            "destroy() was given an instance that is not live; ignored");
      }
    }
  } catch (...) {  // destroy never fails
  }
}

std::int32_t testConnection(psj_instance* handle, const psj_call_context* ctx,
                            const psj_text_sink* result) noexcept {
  return onInstance(handle, ctx, [&](core::JobTypeInstance& instance, core::CallContext& context) {
    requireTextSink(result);
    writeText(result, instance.testConnection(context));
  });
}

std::int32_t importJobs(psj_instance* handle, const psj_call_context* ctx, const psj_import_request* request,
                        const psj_import_sink* sink) noexcept {
  return onInstance(handle, ctx, [&](core::JobTypeInstance& instance, core::CallContext& context) {
    requireImportSink(sink);
    const core::ImportRequest copied = readImportRequest(request);
    ImportForwarder forwarder(sink);
    instance.importJobs(context, copied, forwarder.emitter());
  });
}

std::int32_t run(psj_instance* handle, const psj_call_context* ctx, const psj_run_request* request,
                 const psj_run_sink* sink) noexcept {
  return onInstance(handle, ctx, [&](core::JobTypeInstance& instance, core::CallContext& context) {
    requireRunSink(sink);
    const core::RunRequest copied = readRunRequest(request);
    writeRunResult(sink, instance.run(context, copied));
  });
}

// poll and cancel share a shape: a run reference in, a status out.
template <core::StatusReport (core::JobTypeInstance::*Operation)(core::CallContext&, const core::RunRef&)>
std::int32_t statusCall(psj_instance* handle, const psj_call_context* ctx, const psj_run_ref* ref,
                        const psj_status_sink* sink) noexcept {
  return onInstance(handle, ctx, [&](core::JobTypeInstance& instance, core::CallContext& context) {
    requireStatusSink(sink);
    const core::RunRef copied = readRunRef(ref);
    writeStatus(sink, (instance.*Operation)(context, copied));
  });
}

std::uint32_t capabilityBits(const core::Capabilities& capabilities) {
  return (capabilities.testConnection ? PSJ_CAP_TEST_CONNECTION : 0u) |
         (capabilities.importJobs ? PSJ_CAP_IMPORT : 0u) | (capabilities.cancel ? PSJ_CAP_CANCEL : 0u) |
         (capabilities.outputs ? PSJ_CAP_OUTPUTS : 0u) |
         (capabilities.idempotentRun ? PSJ_CAP_IDEMPOTENT_RUN : 0u) |
         (capabilities.statelessPoll ? PSJ_CAP_STATELESS_POLL : 0u) |
         (capabilities.progress ? PSJ_CAP_PROGRESS : 0u);
}

const char* optionalText(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }

}  // namespace

psj_job_type describeJobType(const core::JobTypeInfo& info) {
  psj_job_type descriptor{};
  descriptor.struct_size = sizeof(psj_job_type);
  descriptor.capabilities = capabilityBits(info.capabilities);
  descriptor.id = info.id.c_str();
  descriptor.display_name = info.displayName.c_str();
  descriptor.settings_schema_json = optionalText(info.settingsSchemaJson);
  descriptor.attributes_schema_json = optionalText(info.attributesSchemaJson);
  descriptor.parameters_schema_json = optionalText(info.parametersSchemaJson);
  // Every callback is always present: what the job type does not implement answers PSJ_E_UNSUPPORTED.
  descriptor.create = &createInstance;
  descriptor.destroy = &destroyInstance;
  descriptor.test_connection = &testConnection;
  descriptor.import_jobs = &importJobs;
  descriptor.run = &run;
  descriptor.poll = &statusCall<&core::JobTypeInstance::poll>;
  descriptor.cancel = &statusCall<&core::JobTypeInstance::cancel>;
  return descriptor;
}

}  // namespace aifoundry::abi
