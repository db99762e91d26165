// WorkloadIdentityCredential (`Authentication Method` = Workload Identity): the client-credentials grant
// whose client assertion is the Kubernetes-projected service-account token. Kubernetes rotates the file, so
// it is read again for every token request. Thread-safe.
#pragma once

#include "identity/EntraClientCredential.h"

namespace aifoundry::identity {

class WorkloadIdentityCredential final : public EntraClientCredential {
 public:
  WorkloadIdentityCredential(EntraTokenClient client, std::string tokenFilePath)
      : EntraClientCredential(std::move(client)), tokenFile_(std::move(tokenFilePath)) {}

 private:
  GrantProof proof(const http::TokenRequestContext& context) const override;
  std::string proofName() const override { return "workload identity"; }

  std::string tokenFile_;
};

}  // namespace aifoundry::identity
