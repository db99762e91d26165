#include "identity/ClientSecretCredential.h"

namespace aifoundry::identity {

ClientSecretCredential::ClientSecretCredential(EntraTokenClient client, std::string clientSecret)
    : EntraClientCredential(std::move(client)),
      secret_(common::SecretString::adopt(std::move(clientSecret))),
      redaction_(http::Redactor::registerSecret(std::string(secret_.view()))) {}

GrantProof ClientSecretCredential::proof(const http::TokenRequestContext&) const {
  return {{{"client_secret", std::string(secret_.view())}}, {}};
}

}  // namespace aifoundry::identity
