#include "identity/WorkloadIdentityCredential.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include "common/SettingNames.h"
#include "http/HttpError.h"
#include "http/Redactor.h"

namespace aifoundry::identity {

GrantProof WorkloadIdentityCredential::proof(const http::TokenRequestContext&) const {
  std::string assertion;
  try {
    Poco::FileInputStream in(tokenFile_);
    Poco::StreamCopier::copyToString(in, assertion);
  } catch (const Poco::Exception&) {
    http::throwError(http::ErrorReason::Authentication,
                     "workload identity: cannot read the federated token file '" + tokenFile_ + "'; check '" +
                         common::settings::kFederatedTokenFile +
                         "' (or AZURE_FEDERATED_TOKEN_FILE) and the pod's service account");
  }
  assertion = Poco::trim(assertion);
  if (assertion.empty())
    http::throwError(http::ErrorReason::Authentication,
                     "workload identity: the federated token file '" + tokenFile_ + "' is empty");
  // The token is a secret for as long as the request that carries it.
  return assertionProof(assertion, http::Redactor::registerSecret(assertion));
}

}  // namespace aifoundry::identity
