// ClientCertificateCredential (`Authentication Method` = Certificate): client-credentials grant with a
// client assertion signed by the certificate's key (a fresh assertion per token request). The certificate
// is loaded and checked at construction, so a bad setting fails when the platform is configured.
// Thread-safe.
#pragma once

#include "http/Redactor.h"
#include "http/TokenCredential.h"
#include "identity/CertificateLoader.h"
#include "identity/EntraTokenClient.h"

namespace aifoundry::identity {

class ClientCertificateCredential : public http::TokenCredential {
 public:
  ClientCertificateCredential(EntraTokenClient client, ClientCertificate certificate);
  http::AccessToken getToken(const http::TokenRequestContext& context,
                             const http::CallControl& control) override;
  using http::TokenCredential::getToken;
  std::string describe() const override;

 private:
  EntraTokenClient client_;
  ClientCertificate certificate_;
};

// The proof fields of an assertion-based grant (certificate, workload identity).
std::vector<std::pair<std::string, std::string>> assertionProof(const std::string& assertion);

}  // namespace aifoundry::identity
