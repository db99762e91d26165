// EmulatorState: everything the routes share, owned by Emulator. Fixed after start() except for the
// members that are themselves thread-safe (workspace, journal, faults, tokens, clients, throttle, counters).
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "ClientDirectory.h"
#include "RequestRouter.h"
#include "Throttle.h"
#include "TokenIssuer.h"
#include "WorkspaceContext.h"
#include "azureml_emulator/EmulatorOptions.h"
#include "azureml_emulator/FaultTable.h"
#include "azureml_emulator/Journal.h"
#include "azureml_emulator/Workspace.h"

namespace azureml_emulator {

struct EmulatorState {
  explicit EmulatorState(const EmulatorOptions& options);

  EmulatorOptions options;
  std::shared_ptr<const WorkspaceContext> context;
  std::string baseUrl;  // set by start(), once the port is known
  Workspace workspace;
  Journal journal;
  FaultTable faults;
  TokenIssuer tokens;
  ClientDirectory clients;
  Throttle throttle;                      // ARM: reads and writes
  Throttle historyThrottle;               // Run History: reads (every Run History request is a GET)
  std::vector<std::string> armAudiences;  // normalised (no trailing slash)
  std::vector<std::string> mlAudiences;
  std::array<std::atomic<size_t>, static_cast<size_t>(Route::Count)> requestsPerRoute{};
  std::atomic<bool> stopping{false};

  std::string builtInClientId = "emulator-test-principal";  // the principal of mintToken()
  std::string tokenUrl() const { return baseUrl + "/" + options.tenant + "/oauth2/v2.0/token"; }
  bool isArmAudience(const std::string& audience) const;
  bool isMlAudience(const std::string& audience) const;
  bool isHistoryAudience(const std::string& audience) const;  // ARM or Azure ML
  bool isKnownResource(const std::string& audience) const;    // the token endpoint issues tokens for it
  void finishStart(const std::string& base);  // fills baseUrl and the audiences that depend on it
};

}  // namespace azureml_emulator
