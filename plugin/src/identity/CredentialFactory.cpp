#include "identity/CredentialFactory.h"

#include <Poco/String.h>

#include "common/SettingNames.h"
#include "http/HttpError.h"
#include "identity/CertificateLoader.h"
#include "identity/ClientCertificateCredential.h"
#include "identity/ClientSecretCredential.h"
#include "identity/CloudEndpoints.h"
#include "identity/ManagedIdentityCredential.h"
#include "identity/TokenPipeline.h"
#include "identity/WorkloadIdentityCredential.h"

namespace aifoundry::identity {

namespace {

using http::AttributeReader;

// Everything one build needs, resolved once.
struct Build {
  const http::Attributes& attributes;
  const CredentialDependencies& deps;
  AttributeReader reader;
  EnvironmentReader env;
  CloudEndpoints cloud;

  Build(const http::Attributes& a, const CredentialDependencies& d)
      : attributes(a),
        deps(d),
        reader(a),
        env(d.environment ? d.environment : processEnvironment()),
        cloud(d.cloud ? *d.cloud : CloudEndpoints::fromAttributes(a)) {}

  std::shared_ptr<http::HttpTransport> transport() const {
    if (!deps.transport)
      http::throwError(http::ErrorReason::InvalidSettings, "internal: no HTTP transport for sign-in");
    return deps.transport;
  }
  struct Authority {
    std::string host;
    std::string source;  // where the host came from, for errors
  };
  Authority authority(bool environmentMayOverride) const {
    if (reader.find(common::settings::kAuthorityHost))
      return {cloud.authorityHost, "setting '" + std::string(common::settings::kAuthorityHost) + "'"};
    const std::string authoritySetting = "'" + std::string(common::settings::kAuthorityHost) + "'";
    const std::string cloudSetting = "'" + std::string(common::settings::kAzureCloud) + "'";
    const std::string cloudDefault =
        reader.find(common::settings::kAzureCloud)
            ? "setting " + cloudSetting + " = " + cloud.cloudName + ", as " + authoritySetting + " is not set"
            : "the default cloud " + cloud.cloudName + ", as neither " + authoritySetting + " nor " +
                  cloudSetting + " is set";
    if (!environmentMayOverride) return {cloud.authorityHost, cloudDefault};
    auto fromEnv = env("AZURE_AUTHORITY_HOST");
    if (!fromEnv) return {cloud.authorityHost, cloudDefault};
    std::string host = *fromEnv;
    while (!host.empty() && host.back() == '/') host.pop_back();
    return {host, "AZURE_AUTHORITY_HOST"};
  }
  EntraTokenClient entra(const std::string& tenant, const std::string& clientId,
                         bool environmentMayOverride) const {
    Authority where = authority(environmentMayOverride);
    return EntraTokenClient(makeTokenPipeline(transport(), deps.tokenRetry, deps.log), std::move(where.host),
                            tenant, clientId, std::move(where.source));
  }
  std::shared_ptr<http::HttpPipeline> managedIdentityPipeline() const {
    return makeTokenPipeline(
        transport(), deps.managedIdentityRetry ? *deps.managedIdentityRetry : managedIdentityRetryOptions(),
        deps.log);
  }
  // The attribute, else the environment variable, else a clear error naming both.
  std::string attributeOrEnv(const char* attribute, const char* variable, const std::string& why) const {
    if (auto value = reader.find(attribute)) return *value;
    if (auto value = env(variable)) return *value;
    http::throwError(http::ErrorReason::InvalidSettings, "setting '" + std::string(attribute) + "' (or " +
                                                             variable + ") is required " + why +
                                                             " but is empty");
  }
};

void checkTenant(const std::string& tenant) {
  for (char c : tenant)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_'))
      http::throwError(
          http::ErrorReason::InvalidSettings,
          "setting '" + std::string(common::settings::kTenantId) + "' must be a tenant GUID or domain name");
}

std::shared_ptr<http::TokenCredential> servicePrincipal(const Build& b) {
  const std::string why = "for 'Authentication Method' = Service Principal";
  const auto tenant = b.reader.required(common::settings::kTenantId, why);
  checkTenant(tenant);
  const auto client = b.reader.required(common::settings::kClientId, why);
  const auto secret = b.reader.required(common::settings::kClientSecret, why);
  return std::make_shared<ClientSecretCredential>(b.entra(tenant, client, false), secret);
}

std::shared_ptr<http::TokenCredential> certificate(const Build& b) {
  const std::string why = "for 'Authentication Method' = Certificate";
  const auto tenant = b.reader.required(common::settings::kTenantId, why);
  checkTenant(tenant);
  const auto client = b.reader.required(common::settings::kClientId, why);
  auto loaded = loadClientCertificate(b.reader.required(common::settings::kCertificate, why),
                                      b.reader.textOr(common::settings::kCertificatePassword, ""),
                                      b.reader.textOr(common::settings::kThumbprint, ""));
  return std::make_shared<ClientCertificateCredential>(b.entra(tenant, client, false), std::move(loaded));
}

std::shared_ptr<http::TokenCredential> managedIdentity(const Build& b, const std::string& clientId) {
  return std::make_shared<ManagedIdentityCredential>(
      b.managedIdentityPipeline(), clientId, b.reader.textOr(common::settings::kManagedIdentityEndpoint, ""),
      b.env);
}

std::shared_ptr<http::TokenCredential> workloadIdentity(const Build& b) {
  const std::string why = "for 'Authentication Method' = Workload Identity";
  const auto tenant = b.attributeOrEnv(common::settings::kTenantId, "AZURE_TENANT_ID", why);
  checkTenant(tenant);
  const auto client = b.attributeOrEnv(common::settings::kClientId, "AZURE_CLIENT_ID", why);
  const auto file =
      b.attributeOrEnv(common::settings::kFederatedTokenFile, "AZURE_FEDERATED_TOKEN_FILE", why);
  return std::make_shared<WorkloadIdentityCredential>(b.entra(tenant, client, true), file);
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// The certificate of AZURE_CLIENT_CERTIFICATE_PATH; a refusal names the variables the user set, not the
// `Certificate` settings the loader speaks of.
ClientCertificate environmentCertificate(const Build& b, const std::string& path) {
  try {
    return loadClientCertificate(path, b.env("AZURE_CLIENT_CERTIFICATE_PASSWORD").value_or(""), "");
  } catch (const http::HttpError& error) {
    std::string text = error.what();
    replaceAll(text, "setting '" + std::string(common::settings::kCertificate) + "'",
               "AZURE_CLIENT_CERTIFICATE_PATH");
    replaceAll(text, "'" + std::string(common::settings::kCertificatePassword) + "'",
               "AZURE_CLIENT_CERTIFICATE_PASSWORD");
    http::throwError(error.reason(), "'Authentication Method' = Environment: " + text);
  }
}

// DefaultAzureCredential's order, decided once from the variables present.
std::shared_ptr<http::TokenCredential> environment(const Build& b) {
  const auto tenant = b.env("AZURE_TENANT_ID");
  const auto client = b.env("AZURE_CLIENT_ID");
  if (tenant && client) {
    checkTenant(*tenant);
    if (auto secret = b.env("AZURE_CLIENT_SECRET"))
      return std::make_shared<ClientSecretCredential>(b.entra(*tenant, *client, true), *secret);
    if (auto path = b.env("AZURE_CLIENT_CERTIFICATE_PATH")) {
      return std::make_shared<ClientCertificateCredential>(b.entra(*tenant, *client, true),
                                                           environmentCertificate(b, *path));
    }
    if (auto file = b.env("AZURE_FEDERATED_TOKEN_FILE"))
      return std::make_shared<WorkloadIdentityCredential>(b.entra(*tenant, *client, true), *file);
  }
  return managedIdentity(b, client.value_or(""));
}

}  // namespace

std::shared_ptr<http::TokenCredential> CredentialFactory::createUncached(const http::Attributes& attributes,
                                                                         const CredentialDependencies& deps) {
  Build b(attributes, deps);
  const std::string method =
      b.reader.textOr(common::settings::kAuthenticationMethod, common::settings::kPolysyncServicePrincipal);
  auto is = [&](const char* name) { return Poco::icompare(method, std::string(name)) == 0; };
  if (is(common::settings::kPolysyncServicePrincipal)) {
    if (!deps.hostTokens)
      http::throwError(
          http::ErrorReason::InvalidSettings,
          "'Authentication Method' is 'Polysync Service Principal' but the host offers no token provider; "
          "choose another method or enable the host's service principal");
    return std::make_shared<HostTokenCredential>(deps.hostTokens,
                                                 b.reader.textOr(common::settings::kTenantId, ""));
  }
  if (is(common::settings::kServicePrincipal)) return servicePrincipal(b);
  if (is(common::settings::kCertificateMethod)) return certificate(b);
  if (is(common::settings::kManagedIdentity))
    return managedIdentity(b, b.reader.textOr(common::settings::kClientId, ""));
  if (is(common::settings::kWorkloadIdentity)) return workloadIdentity(b);
  if (is(common::settings::kEnvironment)) return environment(b);
  http::throwError(
      http::ErrorReason::InvalidSettings,
      "setting '" + std::string(common::settings::kAuthenticationMethod) +
          "' must be one of: Polysync Service Principal, Service Principal, Certificate, Managed Identity, "
          "Workload Identity, Environment");
}

std::shared_ptr<http::TokenCredential> CredentialFactory::create(const http::Attributes& attributes,
                                                                 const CredentialDependencies& deps) {
  return std::make_shared<CachingCredential>(createUncached(attributes, deps), deps.cache, deps.log);
}

}  // namespace aifoundry::identity
