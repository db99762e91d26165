// ManagedIdentityCredential (`Authentication Method` = Managed Identity).
//
// Two protocols, chosen at construction:
// - App Service / Functions, when IDENTITY_ENDPOINT and IDENTITY_HEADER are set:
//   GET $IDENTITY_ENDPOINT?api-version=2019-08-01&resource=..[&client_id=..], header X-IDENTITY-HEADER.
// - IMDS otherwise: GET
// http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=..
//   [&client_id=..], header Metadata: true. Retries 404, 410 (IMDS restarting: keeps trying for 70 s), 429,
//   5xx and timeouts with backoff; never other 4xx.
// `Managed Identity Endpoint` overrides the URL (tests point it at the emulator); it then follows the usual
// plain-HTTP rules, whereas the platform's own endpoints (the IMDS address, a loopback IDENTITY_ENDPOINT)
// are plain HTTP by design and allowed as such.
// Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "http/HttpPipeline.h"
#include "http/Redactor.h"
#include "http/RetryPolicy.h"
#include "http/TokenCredential.h"
#include "identity/EnvironmentReader.h"

namespace aifoundry::identity {

class ManagedIdentityCredential : public http::TokenCredential {
 public:
  static constexpr const char* kImdsUrl = "http://169.254.169.254/metadata/identity/oauth2/token";

  // `pipeline` should carry managedIdentityRetryOptions(); `clientId` empty = system-assigned identity.
  ManagedIdentityCredential(std::shared_ptr<http::HttpPipeline> pipeline, std::string clientId,
                            std::string endpointOverride, const EnvironmentReader& environment);
  http::AccessToken getToken(const http::TokenRequestContext& context,
                             const http::CallControl& control) override;
  using http::TokenCredential::getToken;
  std::string describe() const override;

  bool usesAppService() const { return !identityHeader_.empty(); }

 private:
  std::shared_ptr<http::HttpPipeline> pipeline_;
  std::string clientId_;
  std::string endpoint_;
  std::string identityHeader_;  // App Service only; a secret
  bool platformEndpoint_ = false;
  http::Redactor::Registration redaction_;
};

// IMDS retry rules: 404, 410, 429, 5xx; 5 retries; 410 retried for up to 70 s.
http::RetryOptions managedIdentityRetryOptions();

}  // namespace aifoundry::identity
