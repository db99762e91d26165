#include "identity/ClientCertificateCredential.h"

#include "identity/ClientAssertion.h"

namespace aifoundry::identity {

GrantProof ClientCertificateCredential::proof(const http::TokenRequestContext& context) const {
  return assertionProof(buildClientAssertion(certificate_, client().clientId(),
                                             client().tokenUrl(context.tenant), http::systemUnixNow()));
}

}  // namespace aifoundry::identity
