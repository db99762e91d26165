// PluginRuntime: everything the plugin holds between init() and deinit() — the host's services, the job
// type, its C descriptor and the live instances. There is no other module state, and none of it is built by
// a static constructor: init() creates the runtime, deinit() destroys it.
//
// Threads: start() and stop() run alone on the host's control thread; current() and the accessors may be
// used from any thread while the runtime exists (the host makes no call into the plugin after deinit()).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "abi/HostAdapter.h"
#include "abi/InstanceRegistry.h"
#include "core/JobType.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

class PluginRuntime {
 public:
  // The plugin's identity, as in its manifest.
  static constexpr const char* kPluginId = "polysync.aifoundry";
  static const char* pluginVersion() noexcept;
  static constexpr std::uint32_t kAbiMinor = PSJ_ABI_MINOR;
  static constexpr std::uint32_t kMinHostMinor = 0;

  // init(): negotiates, creates the job type and publishes the runtime. Logs one line and returns an error
  // code when it refuses.
  static std::int32_t start(const psj_host* host, const char* pluginPath,
                            std::uint32_t effectiveMinor) noexcept;
  // deinit(): destroys every instance that is left, the job type and the host adapter.
  static void stop() noexcept;
  // The runtime, or nullptr outside init()..deinit().
  static PluginRuntime* current() noexcept;
  // Logs through the host when the runtime exists; otherwise drops the line. Never throws.
  static void logLine(core::LogLevel level, std::string_view text) noexcept;

  const HostAdapter& host() const noexcept { return host_; }
  core::JobType& jobType() noexcept { return *jobType_; }
  const psj_job_type* descriptor() const noexcept { return &descriptor_; }
  InstanceRegistry& instances() noexcept { return instances_; }
  std::uint32_t effectiveMinor() const noexcept { return effectiveMinor_; }

 private:
  PluginRuntime(const psj_host* host, std::uint32_t effectiveMinor, std::unique_ptr<core::JobType> jobType);

  HostAdapter host_;
  std::uint32_t effectiveMinor_;
  std::unique_ptr<core::JobType> jobType_;
  core::JobTypeInfo info_;  // owns the strings descriptor_ points to
  psj_job_type descriptor_{};
  InstanceRegistry instances_;
};

}  // namespace aifoundry::abi
