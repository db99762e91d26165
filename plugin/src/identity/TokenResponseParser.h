// parseTokenResponse: reads an access token reply from Entra ID, IMDS or App Service:
// `access_token`, and `expires_in` / `expires_on` / `refresh_in` as numbers or strings (IMDS sends strings).
// Throws http::HttpError(Unavailable) when the reply has no usable token (not JSON, no access_token, no
// expiry that is a whole number of seconds within int64): a 2xx reply the issuer should never send is the
// service's fault, not bad credentials. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "http/AccessToken.h"

namespace aifoundry::identity {

http::AccessToken parseTokenResponse(const std::string& body, std::int64_t nowUnixS,
                                     const std::string& operation);

}  // namespace aifoundry::identity
