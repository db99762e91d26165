#include "abi/PluginRuntime.h"

#include <atomic>
#include <string>
#include <utility>

#include "abi/JobTypeCallbacks.h"
#include "abi/Negotiation.h"
#include "core/PipelineJobTypeFactory.h"

#ifndef AIFOUNDRY_PLUGIN_VERSION
#error "AIFOUNDRY_PLUGIN_VERSION must be defined by the build (the project version, as in the manifest)"
#endif

namespace aifoundry::abi {
namespace {

// Constant-initialised (no static constructor, trivial destructor): the only module-level state.
std::atomic<PluginRuntime*> runtime{nullptr};

void logToHost(const psj_host* host, std::int32_t level, const std::string& text) noexcept {
  if (PSJ_HAS(host, psj_host, log) && host->log != nullptr) host->log(host, level, text.data(), text.size());
}

std::string refusal(const std::string& reason) {
  return std::string(PluginRuntime::kPluginId) + " " + PluginRuntime::pluginVersion() +
         " refused to start: " + reason;
}

}  // namespace

const char* PluginRuntime::pluginVersion() noexcept { return AIFOUNDRY_PLUGIN_VERSION; }

PluginRuntime::PluginRuntime(const psj_host* host, std::uint32_t effectiveMinor,
                             std::unique_ptr<core::JobType> jobType)
    : host_(host), effectiveMinor_(effectiveMinor), jobType_(std::move(jobType)), info_(jobType_->info()) {
  descriptor_ = describeJobType(info_);
}

std::int32_t PluginRuntime::start(const psj_host* host, const char* pluginPath,
                                  std::uint32_t effectiveMinor) noexcept {
  (void)pluginPath;  // the plugin loads no files beside itself
  try {
    if (runtime.load() != nullptr) {
      logToHost(host, PSJ_LOG_ERROR,
                refusal("init() was called twice without deinit(); call deinit() first"));
      return PSJ_E_INVALID_ARGUMENT;
    }
    const std::string problem = negotiationProblem(host, effectiveMinor, {kAbiMinor, kMinHostMinor});
    if (!problem.empty()) {
      logToHost(host, PSJ_LOG_ERROR, refusal(problem));
      return PSJ_E_INVALID_ARGUMENT;
    }
    std::unique_ptr<core::JobType> jobType = makePipelineJobType();
    if (!jobType) {
      logToHost(host, PSJ_LOG_ERROR, refusal("the job type factory returned nothing; this is a plugin bug"));
      return PSJ_E_INTERNAL;
    }
    runtime.store(new PluginRuntime(host, effectiveMinor, std::move(jobType)));
    return PSJ_OK;
  } catch (const std::exception& error) {
    logToHost(host, PSJ_LOG_ERROR, refusal(std::string("could not create the job type: ") + error.what()));
    return PSJ_E_INTERNAL;
  } catch (...) {
    logToHost(host, PSJ_LOG_ERROR, refusal("could not create the job type (unknown exception)"));
    return PSJ_E_INTERNAL;
  }
}

void PluginRuntime::stop() noexcept {
  PluginRuntime* current = runtime.exchange(nullptr);
  if (current == nullptr) return;
  try {
    const std::size_t leftOver = current->instances_.clear();
    if (leftOver > 0) {
      current->host_.log(core::LogLevel::Warn, "deinit() destroyed " + std::to_string(leftOver) +
                                                   " instance(s) the host had not destroyed");
    }
  } catch (...) {  // logging only; deinit never fails
  }
  delete current;
}

PluginRuntime* PluginRuntime::current() noexcept { return runtime.load(); }

void PluginRuntime::logLine(core::LogLevel level, std::string_view text) noexcept {
  if (PluginRuntime* current = runtime.load()) current->host_.log(level, text);
}

}  // namespace aifoundry::abi
