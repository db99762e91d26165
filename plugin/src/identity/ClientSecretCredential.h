// ClientSecretCredential (`Authentication Method` = Service Principal): client-credentials grant with a
// client secret. The secret is registered with the Redactor while the credential lives. Thread-safe.
#pragma once

#include "http/Redactor.h"
#include "http/TokenCredential.h"
#include "identity/EntraTokenClient.h"

namespace aifoundry::identity {

class ClientSecretCredential : public http::TokenCredential {
 public:
  ClientSecretCredential(EntraTokenClient client, std::string clientSecret);
  http::AccessToken getToken(const http::TokenRequestContext& context,
                             const http::CallControl& control) override;
  using http::TokenCredential::getToken;
  std::string describe() const override;

 private:
  EntraTokenClient client_;
  std::string secret_;
  http::Redactor::Registration redaction_;
};

}  // namespace aifoundry::identity
