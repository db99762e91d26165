// makeArmClient: the job type's settings -> one ArmClient (transport, cloud, cached credential), every
// setting validated before the first request. The ARM library takes a credential; choosing and building
// it from the settings is the job type's business, so the wiring lives here.
#pragma once

#include <memory>
#include <optional>

#include "arm/ArmClient.h"
#include "http/AttributeReader.h"
#include "http/Log.h"
#include "http/RetryPolicy.h"
#include "http/TransportOptions.h"
#include "identity/CachingCredential.h"
#include "identity/CloudEndpoints.h"
#include "identity/CredentialFactory.h"
#include "identity/EnvironmentReader.h"

namespace aifoundry::pipeline_job {

// What the job type supplies besides the attributes (tests also shrink delays here).
struct ArmClientDependencies {
  http::LogSink log;
  identity::HostTokenSource hostTokens;     // for `Polysync Service Principal`
  identity::EnvironmentReader environment;  // empty: the process environment
  http::RetryOptions retry;                 // ARM and Entra requests
  std::optional<http::RetryOptions> managedIdentityRetry;
  identity::TokenCacheOptions cache;
  std::optional<http::TransportOptions> transport;  // empty: from the attributes
  std::optional<identity::CloudEndpoints> cloud;    // empty: from the attributes
};

// Throws HttpError(InvalidSettings) naming the setting at fault.
std::shared_ptr<arm::ArmClient> makeArmClient(const http::Attributes& attributes,
                                              ArmClientDependencies deps = {});

}  // namespace aifoundry::pipeline_job
