// ArmClient::fromAttributes: settings -> transport + credential + cloud, all validated before first use.
#include "arm/ArmClient.h"

namespace aifoundry::arm {

std::shared_ptr<ArmClient> ArmClient::fromAttributes(const Attributes& attributes, ArmClientDependencies deps) {
    ArmClientConfig config;
    config.cloud = identity::CloudSettings::fromAttributes(attributes);
    config.transport = std::make_shared<HttpTransport>(deps.transport ? *deps.transport : TransportOptions::fromAttributes(attributes));
    identity::CredentialDependencies credentialDeps;
    credentialDeps.transport = config.transport;
    credentialDeps.log = deps.log;
    credentialDeps.environment = deps.environment;
    credentialDeps.hostTokens = deps.hostTokens;
    credentialDeps.tokenRetry = deps.retry;
    credentialDeps.managedIdentityRetry = deps.managedIdentityRetry;
    credentialDeps.cache = deps.cache;
    config.credential = identity::CredentialFactory::create(attributes, credentialDeps);
    config.retry = deps.retry;
    config.log = deps.log;
    return std::make_shared<ArmClient>(std::move(config));
}

}  // namespace aifoundry::arm
