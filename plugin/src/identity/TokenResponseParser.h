// parseTokenResponse: reads an access token reply from Entra ID, IMDS or App Service:
// `access_token`, and `expires_in` / `expires_on` / `refresh_in` as numbers or strings (IMDS sends strings).
// Throws arm::HttpError(Authentication) when the reply has no usable token. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "identity/AccessToken.h"

namespace aifoundry::identity {

AccessToken parseTokenResponse(const std::string& body, std::int64_t nowUnixS, const std::string& operation);

}  // namespace aifoundry::identity
