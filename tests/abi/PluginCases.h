// The plugins the contract tests drive: the real "AI Foundry Pipeline Job" plugin, the plain-C Echo Job and
// the C++ template on the header-only layer, each with valid settings and the name of one setting create()
// requires.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "CRequests.h"

namespace abitest {

struct PluginCase {
  std::string name;
  std::filesystem::path manifest;
  std::optional<std::filesystem::path> libraryDir;
  std::function<void(KvList&)> addValidSettings;
  std::string requiredSetting;
  std::string secretValue;  // a secret among the valid settings: it must never appear in messages or logs
  std::string runnableExternalId;  // an external id whose run succeeds; empty when run is unsupported
  bool blocksOnExternalIdBlock = false;
  // The deadline of calls that may reach the network (the real job type: every endpoint is a closed loopback
  // port, so calls fail fast with Unavailable or Timeout and never leave the machine).
  std::optional<std::chrono::milliseconds> callTimeout;
  int concurrentPollsPerThread = 25;
};

std::vector<PluginCase> pluginCases();
PluginCase aifoundryCase();
PluginCase echoCase();
PluginCase helloTemplateCase();

// Names parameterized tests after the plugin.
struct CaseName {
  template <class ParamInfo>
  std::string operator()(const ParamInfo& param) const {
    return param.param.name;
  }
};

inline void PrintTo(const PluginCase& pluginCase, std::ostream* os) { *os << pluginCase.name; }

}  // namespace abitest
