#include "pipeline_job/ArmClientWiring.h"

namespace aifoundry::pipeline_job {

std::shared_ptr<arm::ArmClient> makeArmClient(const http::Attributes& attributes,
                                              ArmClientDependencies deps) {
  arm::ArmClientConfig config;
  // Read once: the ARM client and the credential's authority come from the same reading.
  config.cloud = deps.cloud ? *deps.cloud : identity::CloudEndpoints::fromAttributes(attributes);
  config.transport = std::make_shared<http::HttpTransport>(
      deps.transport ? *deps.transport : http::TransportOptions::fromAttributes(attributes));
  identity::CredentialDependencies credentialDeps;
  credentialDeps.transport = config.transport;
  credentialDeps.log = deps.log;
  credentialDeps.environment = deps.environment;
  credentialDeps.hostTokens = deps.hostTokens;
  credentialDeps.tokenRetry = deps.retry;
  credentialDeps.managedIdentityRetry = deps.managedIdentityRetry;
  credentialDeps.cache = deps.cache;
  credentialDeps.cloud = config.cloud;
  config.credential = identity::CredentialFactory::create(attributes, credentialDeps);
  config.retry = deps.retry;
  config.log = deps.log;
  return std::make_shared<arm::ArmClient>(std::move(config));
}

}  // namespace aifoundry::pipeline_job
