// AdminEndpoint: the test-control API under /_admin/ (no auth; the server listens on loopback and the
// route refuses other peers). Faults, journal, stats, token minting, client registration, job tools.
#pragma once

#include <functional>

#include "EmulatorState.h"
#include "HttpExchange.h"

namespace azureml_emulator {

struct ConnectionStats {
  size_t accepted = 0;
  size_t current = 0;
};

Reply handleAdminRequest(EmulatorState& state, const Request& request,
                         const std::function<ConnectionStats()>& connections);

}  // namespace azureml_emulator
