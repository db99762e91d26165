#include "identity/EntraClientCredential.h"

namespace aifoundry::identity {

GrantProof assertionProof(const std::string& assertion, http::Redactor::Registration redaction) {
  return {{{"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
           {"client_assertion", assertion}},
          std::move(redaction)};
}

http::AccessToken EntraClientCredential::getToken(const http::TokenRequestContext& context,
                                                  const http::CallControl& control) {
  const GrantProof grant = proof(context);
  return client_.requestToken(context, grant.fields, control);
}

std::string EntraClientCredential::describe() const {
  return proofName() + " of application '" + client_.clientId() + "' in tenant '" + client_.tenantId() + "'";
}

}  // namespace aifoundry::identity
