// TokenCredential: something that can produce an access token for a scope. Every sign-in method
// (client secret, certificate, managed identity, workload identity, the host's token provider) is one;
// CachingCredential wraps one to add the token cache. CredentialFactory builds the right, cached one from
// the platform attributes.
//
// Thread safety: getToken() and invalidate() may be called from many threads at once.
#pragma once

#include <string>

#include "http/AccessToken.h"
#include "http/CallControl.h"

namespace aifoundry::http {

class TokenCredential {
 public:
  virtual ~TokenCredential() = default;

  // Throws http::HttpError (Authentication, InvalidSettings, Network, Timeout, Interrupted ...).
  virtual AccessToken getToken(const TokenRequestContext& context, const http::CallControl& control) = 0;
  AccessToken getToken(const std::string& scope, const http::CallControl& control) {
    return getToken(TokenRequestContext{scope, {}}, control);
  }

  // The resource refused `rejectedToken` (HTTP 401): a cache drops it (only if it is still the cached one).
  virtual void invalidate(const TokenRequestContext& /*context*/, const std::string& /*rejectedToken*/) {}

  // What this credential is, for messages: "client secret of app <id> in tenant <id>". Never a secret.
  virtual std::string describe() const = 0;
};

}  // namespace aifoundry::http
