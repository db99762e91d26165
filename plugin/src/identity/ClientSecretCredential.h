// ClientSecretCredential (`Authentication Method` = Service Principal): client-credentials grant with a
// client secret. The secret is registered with the Redactor while the credential lives. Thread-safe.
#pragma once

#include "arm/http/Redactor.h"
#include "identity/EntraTokenClient.h"
#include "identity/TokenCredential.h"

namespace aifoundry::identity {

class ClientSecretCredential : public TokenCredential {
public:
    ClientSecretCredential(EntraTokenClient client, std::string clientSecret);
    AccessToken getToken(const TokenRequestContext& context, const arm::CallControl& control) override;
    using TokenCredential::getToken;
    std::string describe() const override;

private:
    EntraTokenClient client_;
    std::string secret_;
    arm::Redactor::Registration redaction_;
};

}  // namespace aifoundry::identity
