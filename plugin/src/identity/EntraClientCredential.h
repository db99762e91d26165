// EntraClientCredential: Microsoft Entra ID's client-credentials grant, the one shape behind three
// `Authentication Method`s. Each subclass supplies only its proof of the application's identity: a client
// secret (ClientSecretCredential), an assertion signed with a certificate (ClientCertificateCredential), or
// a projected service-account token (WorkloadIdentityCredential). Thread-safe: proof() may run on many
// threads at once.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "http/Redactor.h"
#include "http/TokenCredential.h"
#include "identity/EntraTokenClient.h"

namespace aifoundry::identity {

// The proof fields of one token request, and the registration that keeps a secret among them out of every
// message until the request is done.
struct GrantProof {
  std::vector<std::pair<std::string, std::string>> fields;
  http::Redactor::Registration redaction;
};

// The proof fields of an assertion-based grant (certificate, workload identity).
GrantProof assertionProof(const std::string& assertion, http::Redactor::Registration redaction = {});

class EntraClientCredential : public http::TokenCredential {
 public:
  http::AccessToken getToken(const http::TokenRequestContext& context,
                             const http::CallControl& control) final;
  using http::TokenCredential::getToken;
  // "<what proves it> of application '<client id>' in tenant '<tenant>'".
  std::string describe() const final;

 protected:
  explicit EntraClientCredential(EntraTokenClient client) : client_(std::move(client)) {}
  const EntraTokenClient& client() const noexcept { return client_; }

 private:
  // The proof for one token request (it may read a file or sign an assertion). Throws http::HttpError.
  virtual GrantProof proof(const http::TokenRequestContext& context) const = 0;
  // What proves the identity, for messages: "client secret", "certificate <thumbprint>", ...
  virtual std::string proofName() const = 0;

  EntraTokenClient client_;
};

}  // namespace aifoundry::identity
