// BearerTokenPolicy: puts `Authorization: Bearer <token>` for the scope on each attempt (inside the retry
// loop, so a long backoff never sends an expired token). On a 401 the cached token is dropped and the
// request is sent once more with a fresh one; a second 401 is returned as is. Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "arm/http/HttpPolicy.h"
#include "identity/TokenCredential.h"

namespace aifoundry::arm {

class BearerTokenPolicy : public HttpPolicy {
public:
    BearerTokenPolicy(std::shared_ptr<identity::TokenCredential> credential, std::string scope);
    HttpResponse send(HttpRequest& request, const CallControl& control, const Next& next) override;

private:
    std::shared_ptr<identity::TokenCredential> credential_;
    std::string scope_;
};

}  // namespace aifoundry::arm
