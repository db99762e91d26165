// ClientSecretCredential (`Authentication Method` = Service Principal): the client-credentials grant with a
// client secret. The secret is registered with the Redactor while the credential lives. Thread-safe.
#pragma once

#include "common/SecretString.h"
#include "identity/EntraClientCredential.h"

namespace aifoundry::identity {

class ClientSecretCredential final : public EntraClientCredential {
 public:
  ClientSecretCredential(EntraTokenClient client, std::string clientSecret);

 private:
  GrantProof proof(const http::TokenRequestContext& context) const override;
  std::string proofName() const override { return "client secret"; }

  common::SecretString secret_;
  http::Redactor::Registration redaction_;
};

}  // namespace aifoundry::identity
