#include "identity/WorkloadIdentityCredential.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include "http/HttpError.h"
#include "http/Redactor.h"
#include "identity/ClientCertificateCredential.h"

namespace aifoundry::identity {

WorkloadIdentityCredential::WorkloadIdentityCredential(EntraTokenClient client, std::string tokenFilePath)
    : client_(std::move(client)), tokenFile_(std::move(tokenFilePath)) {}

http::AccessToken WorkloadIdentityCredential::getToken(const http::TokenRequestContext& context,
                                                       const http::CallControl& control) {
  std::string assertion;
  try {
    Poco::FileInputStream in(tokenFile_);
    Poco::StreamCopier::copyToString(in, assertion);
  } catch (const Poco::Exception&) {
    http::throwError(http::ErrorReason::Authentication,
                     "workload identity: cannot read the federated token file '" + tokenFile_ + "'; check '" +
                         settings::kFederatedTokenFile +
                         "' (or AZURE_FEDERATED_TOKEN_FILE) and the pod's service account");
  }
  assertion = Poco::trim(assertion);
  if (assertion.empty())
    http::throwError(http::ErrorReason::Authentication,
                     "workload identity: the federated token file '" + tokenFile_ + "' is empty");
  const auto redaction = http::Redactor::registerSecret(assertion);
  return client_.requestToken(context, assertionProof(assertion), control);
}

std::string WorkloadIdentityCredential::describe() const {
  return "workload identity of application '" + client_.clientId() + "' in tenant '" + client_.tenantId() +
         "'";
}

}  // namespace aifoundry::identity
