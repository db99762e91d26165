// EntraTokenClient: the OAuth 2.0 client-credentials request to Entra ID, shared by the client-secret,
// certificate and workload-identity credentials:
//   POST {authority}/{tenant}/oauth2/v2.0/token  (application/x-www-form-urlencoded)
//   grant_type=client_credentials&client_id=..&scope=..&<client_secret=.. |
//   client_assertion_type=..&client_assertion=..>
// Errors become one line with the AADSTS code and a hint (AADSTS7000215 -> the secret is wrong or expired);
// a sign-in host that does not resolve is named with where it came from (`authoritySource`), so the operator
// knows which setting to correct.
// Thread-safe (immutable after construction).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http/AccessToken.h"
#include "http/HttpPipeline.h"

namespace aifoundry::identity {

class EntraTokenClient {
 public:
  // `authoritySource` says where `authorityHost` came from, e.g. "setting 'Authority Host'".
  EntraTokenClient(std::shared_ptr<http::HttpPipeline> pipeline, std::string authorityHost,
                   std::string tenantId, std::string clientId, std::string authoritySource);

  // `proof` is the client secret or assertion fields, e.g. {{"client_secret", s}}.
  http::AccessToken requestToken(const http::TokenRequestContext& context,
                                 const std::vector<std::pair<std::string, std::string>>& proof,
                                 const http::CallControl& control) const;

  std::string tokenUrl(const std::string& tenant) const;
  const std::string& clientId() const { return clientId_; }
  const std::string& tenantId() const { return tenantId_; }

 private:
  std::shared_ptr<http::HttpPipeline> pipeline_;
  std::string authorityHost_;
  std::string tenantId_;
  std::string clientId_;
  std::string authoritySource_;
};

std::string formEncode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace aifoundry::identity
