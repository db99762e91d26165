// Negotiation: whether the plugin can work with the host that calls init(), as a one-line reason when not.
// Pure: reads only the host table's struct_size and abi_minor.
#pragma once

#include <cstdint>
#include <string>

#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

struct PluginVersion {
  std::uint32_t abiMinor;      // the highest minor the plugin implements
  std::uint32_t minHostMinor;  // the lowest host minor it works with
};

// Empty when the host and the plugin agree; otherwise what is wrong and what to do. The major version needs
// no check here: it is in the entry symbol's name and psj_plugin_entry.abi_major, which the host checks.
std::string negotiationProblem(const psj_host* host, std::uint32_t effectiveMinor, PluginVersion plugin);

}  // namespace aifoundry::abi
