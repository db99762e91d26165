// The resource routes: ARM (workspace, jobs list/get/put/cancel), the discovery document and Run History.
// Stateless functions over EmulatorState; ARM's front-door checks (token, api-version, throttling, scope,
// role) run before each operation, in that order.
#pragma once

#include "EmulatorState.h"
#include "HttpExchange.h"
#include "RequestRouter.h"

namespace azureml_emulator {

Reply handleArmRequest(EmulatorState& state, const Request& request, const RouteMatch& match);
Reply handleDiscoveryRequest(EmulatorState& state, const Request& request);
Reply handleRunHistoryRequest(EmulatorState& state, const Request& request, const RouteMatch& match);

}  // namespace azureml_emulator
