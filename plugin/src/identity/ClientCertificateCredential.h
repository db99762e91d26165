// ClientCertificateCredential (`Authentication Method` = Certificate): client-credentials grant with a
// client assertion signed by the certificate's key (a fresh assertion per token request). The certificate
// is loaded and checked at construction, so a bad setting fails when the platform is configured.
// Thread-safe.
#pragma once

#include "arm/http/Redactor.h"
#include "identity/CertificateLoader.h"
#include "identity/EntraTokenClient.h"
#include "identity/TokenCredential.h"

namespace aifoundry::identity {

class ClientCertificateCredential : public TokenCredential {
public:
    ClientCertificateCredential(EntraTokenClient client, ClientCertificate certificate);
    AccessToken getToken(const TokenRequestContext& context, const arm::CallControl& control) override;
    using TokenCredential::getToken;
    std::string describe() const override;

private:
    EntraTokenClient client_;
    ClientCertificate certificate_;
};

// The proof fields of an assertion-based grant (certificate, workload identity).
std::vector<std::pair<std::string, std::string>> assertionProof(const std::string& assertion);

}  // namespace aifoundry::identity
