// WorkloadIdentityCredential (`Authentication Method` = Workload Identity): client-credentials grant whose
// client assertion is the Kubernetes-projected service-account token. Kubernetes rotates the file, so it
// is read again for every token request. Thread-safe.
#pragma once

#include "http/TokenCredential.h"
#include "identity/EntraTokenClient.h"

namespace aifoundry::identity {

class WorkloadIdentityCredential : public http::TokenCredential {
 public:
  WorkloadIdentityCredential(EntraTokenClient client, std::string tokenFilePath);
  http::AccessToken getToken(const http::TokenRequestContext& context,
                             const http::CallControl& control) override;
  using http::TokenCredential::getToken;
  std::string describe() const override;

 private:
  EntraTokenClient client_;
  std::string tokenFile_;
};

namespace settings {
inline constexpr const char* kFederatedTokenFile = "Federated Token File";
}

}  // namespace aifoundry::identity
