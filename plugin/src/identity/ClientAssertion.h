// buildClientAssertion: the signed JWT a certificate credential sends instead of a secret.
// Header: alg RS256, typ JWT, x5t (base64url SHA-1 thumbprint), kid (hex thumbprint).
// Claims: aud = the token URL, iss = sub = client id, jti = a fresh GUID, nbf = now, exp = now + 10 min.
#pragma once

#include <cstdint>
#include <string>

#include "identity/CertificateLoader.h"

namespace aifoundry::identity {

std::string buildClientAssertion(const ClientCertificate& certificate, const std::string& clientId,
                                 const std::string& audience, std::int64_t nowUnixS);

}  // namespace aifoundry::identity
