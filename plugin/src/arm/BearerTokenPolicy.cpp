#include "arm/BearerTokenPolicy.h"

namespace aifoundry::arm {

BearerTokenPolicy::BearerTokenPolicy(std::shared_ptr<identity::TokenCredential> credential, std::string scope)
    : credential_(std::move(credential)), scope_(std::move(scope)) {}

HttpResponse BearerTokenPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
    const identity::TokenRequestContext context{scope_, {}};
    const auto token = credential_->getToken(context, control);
    request.headers.set("Authorization", "Bearer " + token.token);
    HttpResponse response = next(request, control);
    if (response.status != 401) return response;

    credential_->invalidate(context, token.token);
    const auto fresh = credential_->getToken(context, control);
    if (fresh.token == token.token) return response;  // nothing new to try
    request.headers.set("Authorization", "Bearer " + fresh.token);
    return next(request, control);
}

}  // namespace aifoundry::arm
