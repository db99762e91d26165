// ClientCertificateCredential (`Authentication Method` = Certificate): the client-credentials grant with a
// client assertion signed by the certificate's key (a fresh assertion per token request). The certificate
// is loaded and checked at construction, so a bad setting fails when the platform is configured.
// Thread-safe.
#pragma once

#include "identity/CertificateLoader.h"
#include "identity/EntraClientCredential.h"

namespace aifoundry::identity {

class ClientCertificateCredential final : public EntraClientCredential {
 public:
  ClientCertificateCredential(EntraTokenClient client, ClientCertificate certificate)
      : EntraClientCredential(std::move(client)), certificate_(std::move(certificate)) {}

 private:
  GrantProof proof(const http::TokenRequestContext& context) const override;
  std::string proofName() const override { return "certificate " + certificate_.thumbprintHex; }

  ClientCertificate certificate_;
};

}  // namespace aifoundry::identity
