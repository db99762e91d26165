// ArmAuthenticator: checks a bearer token as ARM's front door does, answering with ARM's 401s
// (AuthenticationFailed, InvalidAuthenticationToken, ExpiredAuthenticationToken,
// InvalidAuthenticationTokenAudience) and a WWW-Authenticate challenge naming the emulated authority.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "EmulatorState.h"
#include "HttpExchange.h"

namespace azureml_emulator {

using AudienceCheck = bool (EmulatorState::*)(const std::string&) const;

// Either the token's facts or the 401 to send.
using AuthOutcome = std::variant<TokenInfo, Reply>;

// `headerName` is Authorization (with "Bearer ") or x-azureml-token (the bare token).
AuthOutcome authenticate(const EmulatorState& state, const Request& request, const std::string& headerName,
                         AudienceCheck audienceOk, const std::string& expectedAudiences);

}  // namespace azureml_emulator
