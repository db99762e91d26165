// CredentialFactory: builds the credential a platform connection uses from its attributes, validated up
// front (a missing or malformed setting fails here, with a message naming the setting, never its value),
// and wrapped in the token cache.
//
// `Authentication Method`:
//   Polysync Service Principal (default)  HostTokenSource from the job-type layer (the host's token provider)
//   Service Principal                     Tenant Id, Client Id, Client Secret
//   Certificate                           Tenant Id, Client Id, Certificate [, Certificate Password,
//   Thumbprint] Managed Identity                      [Client Id of a user-assigned identity, Managed
//   Identity Endpoint] Workload Identity                     Tenant Id, Client Id, Federated Token File (each
//   falls back to
//                                         AZURE_TENANT_ID / AZURE_CLIENT_ID / AZURE_FEDERATED_TOKEN_FILE)
//   Environment                           the AZURE_* variables in DefaultAzureCredential's order:
//                                         client secret, client certificate, workload identity, managed
//                                         identity
// Authority host: `Authority Host`, else AZURE_AUTHORITY_HOST (Workload Identity and Environment), else the
// cloud's. Thread safety: create() is reentrant; the credential returned is thread-safe.
#pragma once

#include <memory>
#include <optional>

#include "http/AttributeReader.h"
#include "http/HttpTransport.h"
#include "http/Log.h"
#include "http/RetryPolicy.h"
#include "http/TokenCredential.h"
#include "identity/CachingCredential.h"
#include "identity/CloudEndpoints.h"
#include "identity/EnvironmentReader.h"
#include "identity/HostTokenCredential.h"

namespace aifoundry::identity {

struct CredentialDependencies {
  std::shared_ptr<http::HttpTransport> transport;  // required for every method but the host's
  http::LogSink log;
  EnvironmentReader environment;                           // empty: the process environment
  HostTokenSource hostTokens;                              // for Polysync Service Principal
  http::RetryOptions tokenRetry;                           // Entra ID token requests
  std::optional<http::RetryOptions> managedIdentityRetry;  // empty: managedIdentityRetryOptions()
  TokenCacheOptions cache;
  std::optional<CloudEndpoints> cloud;  // the cloud the caller already read; empty: read from the attributes
};

class CredentialFactory {
 public:
  // The cached credential for the attributes. Throws http::HttpError(InvalidSettings).
  static std::shared_ptr<http::TokenCredential> create(const http::Attributes& attributes,
                                                       const CredentialDependencies& deps);
  // The same without the cache (tests, or callers with their own cache).
  static std::shared_ptr<http::TokenCredential> createUncached(const http::Attributes& attributes,
                                                               const CredentialDependencies& deps);
};

}  // namespace aifoundry::identity
