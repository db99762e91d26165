#include "arm/BearerTokenPolicy.h"

#include "http/ResponseErrorBuilder.h"

namespace aifoundry::arm {

BearerTokenPolicy::BearerTokenPolicy(std::shared_ptr<http::TokenCredential> credential, std::string scope,
                                     std::shared_ptr<const TokenDestinations> destinations)
    : credential_(std::move(credential)), scope_(std::move(scope)), destinations_(std::move(destinations)) {}

http::HttpResponse BearerTokenPolicy::send(http::HttpRequest& request, const http::CallControl& control, const Next& next) {
    destinations_->check(request.url, http::operationOf(request));
    const http::TokenRequestContext context{scope_, {}};
    const auto token = credential_->getToken(context, control);
    request.headers.set("Authorization", "Bearer " + token.token);
    http::HttpResponse response = next(request, control);
    if (response.status != 401) return response;

    credential_->invalidate(context, token.token);
    const auto fresh = credential_->getToken(context, control);
    if (fresh.token == token.token) return response;  // nothing new to try
    request.headers.set("Authorization", "Bearer " + fresh.token);
    return next(request, control);
}

}  // namespace aifoundry::arm
