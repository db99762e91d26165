#include "abi/Negotiation.h"

#include <algorithm>

#include "abi/AbiLimits.h"

namespace aifoundry::abi {

std::string negotiationProblem(const psj_host* host, std::uint32_t effectiveMinor, PluginVersion plugin) {
  if (host == nullptr) return "init() was given no host services table; the host must pass one";
  if (host->struct_size < kHostMinimumSize) {
    return "the host services table is truncated (struct_size " + std::to_string(host->struct_size) +
           "); the host must fill at least struct_size and abi_minor";
  }
  if (host->abi_minor < plugin.minHostMinor) {
    return "the host implements polysync_jobtype_v1." + std::to_string(host->abi_minor) +
           " but this plugin needs at least 1." + std::to_string(plugin.minHostMinor) + "; upgrade the host";
  }
  const std::uint32_t agreed = std::min(host->abi_minor, plugin.abiMinor);
  if (effectiveMinor > agreed || effectiveMinor < plugin.minHostMinor) {
    return "the host asked for polysync_jobtype_v1." + std::to_string(effectiveMinor) +
           " but the minor both sides support is 1." + std::to_string(agreed) +
           "; the host must pass the lower of its and the plugin's minor";
  }
  return {};
}

}  // namespace aifoundry::abi
