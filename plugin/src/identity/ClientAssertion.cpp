#include "identity/ClientAssertion.h"

#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/Timestamp.h>

#include "http/RequestIdPolicy.h"

namespace aifoundry::identity {

std::string buildClientAssertion(const ClientCertificate& certificate, const std::string& clientId,
                                 const std::string& audience, std::int64_t nowUnixS) {
  Poco::JWT::Token token;
  token.setType("JWT");
  token.header().set("x5t", certificate.x5t);
  token.header().set("kid", certificate.thumbprintHex);
  token.setAudience(audience);
  token.setIssuer(clientId);
  token.setSubject(clientId);
  token.setId(http::newGuid());
  token.setNotBefore(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(nowUnixS)));
  token.setExpiration(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(nowUnixS + 600)));
  Poco::JWT::Signer signer(certificate.key);
  return signer.sign(token, Poco::JWT::Signer::ALGO_RS256);
}

}  // namespace aifoundry::identity
