#include "arm/BearerTokenPolicy.h"

#include "http/HttpError.h"
#include "http/ResponseErrorBuilder.h"

namespace aifoundry::arm {

namespace {

// The credential's token. A failure to get one is marked as the sign-in's, so the retry policy around this
// one does not repeat a sign-in the credential's own pipeline already retried (one retry budget per call).
http::AccessToken tokenFrom(http::TokenCredential& credential, const http::TokenRequestContext& context,
                            const http::CallControl& control) {
  try {
    return credential.getToken(context, control);
  } catch (const http::HttpError& error) {
    http::HttpError::Details details = error.details();
    details.signInFailure = true;
    throw http::HttpError(error.what(), details);
  }
}

}  // namespace

BearerTokenPolicy::BearerTokenPolicy(std::shared_ptr<http::TokenCredential> credential, std::string scope,
                                     std::shared_ptr<const TokenDestinations> destinations)
    : credential_(std::move(credential)),
      context_{std::move(scope), {}},
      destinations_(std::move(destinations)) {}

http::HttpResponse BearerTokenPolicy::send(http::HttpRequest& request, const http::CallControl& control,
                                           const Next& next) {
  destinations_->check(request);
  const http::TokenRequestContext& context = context_;
  const auto token = tokenFrom(*credential_, context, control);
  request.headers.set("Authorization", "Bearer " + token.token);
  http::HttpResponse response = next(request, control);
  if (response.status != 401) return response;

  credential_->invalidate(context, token.token);
  const auto fresh = tokenFrom(*credential_, context, control);
  if (fresh.token == token.token) return response;  // nothing new to try
  request.headers.set("Authorization", "Bearer " + fresh.token);
  return next(request, control);
}

}  // namespace aifoundry::arm
