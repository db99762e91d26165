// BearerTokenPolicy: puts `Authorization: Bearer <token>` for the scope on each attempt (inside the retry
// loop, so a long backoff never sends an expired token). On a 401 the cached token is dropped and the
// request is sent once more with a fresh one; a second 401 is returned as is. A request to a host that may
// not receive a token (TokenDestinations) is refused before any token is fetched or any byte sent. A failure
// to get a token is rethrown marked HttpError::signInFailure(): the RetryPolicy before this one does not
// retry it, since the credential's token pipeline already did (as azure-core's RetryPolicy lets a
// ClientAuthenticationError through). Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "arm/TokenDestinations.h"
#include "http/HttpPolicy.h"
#include "http/TokenCredential.h"

namespace aifoundry::arm {

class BearerTokenPolicy : public http::HttpPolicy {
 public:
  BearerTokenPolicy(std::shared_ptr<http::TokenCredential> credential, std::string scope,
                    std::shared_ptr<const TokenDestinations> destinations);
  http::HttpResponse send(http::HttpRequest& request, const http::CallControl& control,
                          const Next& next) override;

 private:
  std::shared_ptr<http::TokenCredential> credential_;
  http::TokenRequestContext context_;  // the scope, built once
  std::shared_ptr<const TokenDestinations> destinations_;
};

}  // namespace aifoundry::arm
