#include "identity/ClientCertificateCredential.h"

#include "identity/ClientAssertion.h"

namespace aifoundry::identity {

std::vector<std::pair<std::string, std::string>> assertionProof(const std::string& assertion) {
  return {{"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
          {"client_assertion", assertion}};
}

ClientCertificateCredential::ClientCertificateCredential(EntraTokenClient client,
                                                         ClientCertificate certificate)
    : client_(std::move(client)), certificate_(std::move(certificate)) {}

http::AccessToken ClientCertificateCredential::getToken(const http::TokenRequestContext& context,
                                                        const http::CallControl& control) {
  const std::string assertion = buildClientAssertion(certificate_, client_.clientId(),
                                                     client_.tokenUrl(context.tenant), http::systemUnixNow());
  return client_.requestToken(context, assertionProof(assertion), control);
}

std::string ClientCertificateCredential::describe() const {
  return "certificate " + certificate_.thumbprintHex + " of application '" + client_.clientId() +
         "' in tenant '" + client_.tenantId() + "'";
}

}  // namespace aifoundry::identity
