#include "identity/HostTokenCredential.h"

#include "http/HttpError.h"
#include "http/Redactor.h"

namespace aifoundry::identity {

HostTokenCredential::HostTokenCredential(HostTokenSource source, std::string tenant)
    : source_(std::move(source)), tenant_(std::move(tenant)) {}

http::AccessToken HostTokenCredential::getToken(const http::TokenRequestContext& context,
                                                const http::CallControl& control) {
  if (!source_)
    http::throwError(
        http::ErrorReason::InvalidSettings,
        "'Authentication Method' is 'Polysync Service Principal' but the host offers no token provider");
  if (control.isInterrupted())
    http::throwError(http::ErrorReason::Interrupted, "interrupted before asking the host for a token");
  HostToken token;
  try {
    token = source_(context.scope, context.tenant.empty() ? tenant_ : context.tenant);
  } catch (const http::HttpError&) {
    throw;
  } catch (const std::exception& e) {
    http::throwError(http::ErrorReason::Authentication,
                     "the host's token provider refused a token for scope '" + context.scope +
                         "': " + http::Redactor::redact(http::oneLine(e.what())));
  }
  if (token.token.empty())
    http::throwError(http::ErrorReason::Authentication,
                     "the host's token provider returned an empty token for scope '" + context.scope + "'");
  return http::AccessToken{token.token, token.expiresOnUnixS, std::nullopt};
}

}  // namespace aifoundry::identity
