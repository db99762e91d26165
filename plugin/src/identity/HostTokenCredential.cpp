#include "identity/HostTokenCredential.h"

#include "arm/http/HttpError.h"
#include "arm/http/Redactor.h"

namespace aifoundry::identity {

HostTokenCredential::HostTokenCredential(HostTokenSource source, std::string tenant)
    : source_(std::move(source)), tenant_(std::move(tenant)) {}

AccessToken HostTokenCredential::getToken(const TokenRequestContext& context, const arm::CallControl& control) {
    if (!source_)
        arm::throwError(arm::ErrorReason::InvalidSettings,
                        "'Authentication Method' is 'Polysync Service Principal' but the host offers no token provider");
    if (control.isInterrupted()) arm::throwError(arm::ErrorReason::Interrupted, "interrupted before asking the host for a token");
    HostToken token;
    try {
        token = source_(context.scope, context.tenant.empty() ? tenant_ : context.tenant);
    } catch (const arm::HttpError&) {
        throw;
    } catch (const std::exception& e) {
        arm::throwError(arm::ErrorReason::Authentication,
                        "the host's token provider refused a token for scope '" + context.scope + "': " + arm::Redactor::redact(arm::oneLine(e.what())));
    }
    if (token.token.empty())
        arm::throwError(arm::ErrorReason::Authentication, "the host's token provider returned an empty token for scope '" + context.scope + "'");
    return AccessToken{token.token, token.expiresOnUnixS, std::nullopt};
}

}  // namespace aifoundry::identity
