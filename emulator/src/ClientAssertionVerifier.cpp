#include "ClientAssertionVerifier.h"

#include <Poco/Crypto/RSAKey.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/String.h>

#include <algorithm>

namespace azureml_emulator {

namespace {

constexpr int64_t kClockSkewMs = 60'000;

[[noreturn]] void reject(int code, const std::string& description) {
  throw AssertionRejected(401, "invalid_client", code, description);
}

std::string headerText(const Poco::JWT::Token& token, const std::string& key) {
  return token.header().has(key) ? token.header().getValue<std::string>(key) : std::string();
}

}  // namespace

void ClientAssertionVerifier::verify(const std::string& assertion, const RegisteredClient& client,
                                     const std::vector<std::string>& acceptedAudiences, int64_t nowMs) {
  Poco::JWT::Token token;
  try {
    token = Poco::JWT::Token(assertion);
  } catch (const Poco::Exception&) {
    throw AssertionRejected(400, "invalid_request", 50027, "JWT token is invalid or malformed.");
  }
  if (token.getAlgorithm() != "RS256")
    reject(5002738, "The client assertion is signed with '" + token.getAlgorithm() +
                        "'; only RS256 (and PS256) assertions are accepted.");
  if (client.certificate.isNull())
    reject(700027, "The client '" + client.clientId +
                       "' has no certificate registered; it cannot sign in with a "
                       "client assertion.");
  const std::string x5t = headerText(token, "x5t");
  const std::string x5t256 = headerText(token, "x5t#S256");
  const std::string kid = Poco::toUpper(headerText(token, "kid"));
  const bool known = (!x5t.empty() && x5t == client.thumbprintSha1) ||
                     (!x5t256.empty() && x5t256 == client.thumbprintSha256) ||
                     (x5t.empty() && x5t256.empty() && kid == client.thumbprintHex);
  if (!known)
    reject(700027,
           "The certificate with identifier used to sign the client assertion is not registered on "
           "application. [Reason - The key was not found., Thumbprint of key used by client: '" +
               (x5t.empty() ? kid : x5t) + "']");
  try {
    Poco::JWT::Signer signer(
        Poco::SharedPtr<Poco::Crypto::RSAKey>(new Poco::Crypto::RSAKey(*client.certificate)));
    signer.setAlgorithms({Poco::JWT::Signer::ALGO_RS256});
    signer.verify(assertion);
  } catch (const Poco::Exception&) {
    reject(7000274, "Key was found, but use of the key to verify the signature failed.");
  }
  const auto audiences = token.getAudience();
  const bool audienceOk = std::any_of(audiences.begin(), audiences.end(), [&](const std::string& aud) {
    return std::find(acceptedAudiences.begin(), acceptedAudiences.end(), aud) != acceptedAudiences.end();
  });
  if (!audienceOk)
    reject(700023, "Client assertion audience claim does not match Realm issuer. Expected audience: '" +
                       (acceptedAudiences.empty() ? std::string() : acceptedAudiences.front()) + "'.");
  if (token.getIssuer() != client.clientId || token.getSubject() != client.clientId)
    reject(700021,
           "Client assertion application identifier doesn't match 'client_id' parameter: iss and sub "
           "must both be the client id.");
  if (!token.payload().has("exp")) reject(700024, "Client assertion contains no expiry ('exp') claim.");
  const int64_t expMs = token.getExpiration().epochMicroseconds() / 1000;
  const int64_t nbfMs = token.payload().has("nbf") ? token.getNotBefore().epochMicroseconds() / 1000 : 0;
  if (expMs + kClockSkewMs < nowMs || nbfMs - kClockSkewMs > nowMs)
    reject(700024, "Client assertion is not within its valid time range.");
}

}  // namespace azureml_emulator
