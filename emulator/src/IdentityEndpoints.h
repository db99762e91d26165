// The sign-in routes: Entra ID's token endpoint (client secret, certificate assertion, federated
// assertion), the IMDS managed-identity endpoint and the App Service one. Each answers like the real
// service, errors included (AADSTS-style for Entra). Stateless functions over EmulatorState.
#pragma once

#include "EmulatorState.h"
#include "HttpExchange.h"
#include "RequestRouter.h"

namespace azureml_emulator {

Reply handleTokenRequest(EmulatorState& state, const Request& request, const RouteMatch& match);
Reply handleImdsRequest(EmulatorState& state, const Request& request);
Reply handleAppServiceRequest(EmulatorState& state, const Request& request);

}  // namespace azureml_emulator
