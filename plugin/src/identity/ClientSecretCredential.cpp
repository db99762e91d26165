#include "identity/ClientSecretCredential.h"

namespace aifoundry::identity {

ClientSecretCredential::ClientSecretCredential(EntraTokenClient client, std::string clientSecret)
    : client_(std::move(client)),
      secret_(std::move(clientSecret)),
      redaction_(http::Redactor::registerSecret(secret_)) {}

http::AccessToken ClientSecretCredential::getToken(const http::TokenRequestContext& context,
                                                   const http::CallControl& control) {
  return client_.requestToken(context, {{"client_secret", secret_}}, control);
}

std::string ClientSecretCredential::describe() const {
  return "client secret of application '" + client_.clientId() + "' in tenant '" + client_.tenantId() + "'";
}

}  // namespace aifoundry::identity
