// The plugin's one exported symbol, polysync_jobtype_v1_entry, and the static entry table it returns.
// The table is constant-initialised (no static constructor runs when the library loads); init() and deinit()
// create and destroy the PluginRuntime, the only state the plugin has.
#include "abi/PluginRuntime.h"
#include "polysync/jobtype_v1.h"

namespace {

using aifoundry::abi::PluginRuntime;

std::int32_t initPlugin(const psj_host* host, const char* pluginPath, std::uint32_t effectiveMinor) {
  return PluginRuntime::start(host, pluginPath, effectiveMinor);  // noexcept
}

void deinitPlugin() { PluginRuntime::stop(); }  // noexcept

std::uint32_t jobTypeCount() { return PluginRuntime::current() != nullptr ? 1u : 0u; }

const psj_job_type* jobTypeAt(std::uint32_t index) {
  PluginRuntime* runtime = PluginRuntime::current();
  return runtime != nullptr && index == 0 ? runtime->descriptor() : nullptr;
}

constexpr psj_plugin_entry kEntry = {
    sizeof(psj_plugin_entry),
    PSJ_ABI_MAJOR,
    PluginRuntime::kAbiMinor,
    PluginRuntime::kMinHostMinor,
    PluginRuntime::kPluginId,
    AIFOUNDRY_PLUGIN_VERSION,
    &initPlugin,
    &deinitPlugin,
    &jobTypeCount,
    &jobTypeAt,
};

}  // namespace

extern "C" PSJ_EXPORT const psj_plugin_entry* polysync_jobtype_v1_entry(void) { return &kEntry; }
