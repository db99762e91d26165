// The Polysync attribute names of the "AI Foundry Pipeline Job" (docs/azure-contract.md), gathered in one
// list. Users and tests rely on them exactly as written. Each name is spelled once, by the library that reads
// it (http/, identity/, azureml/); this list refers to those. PipelineJobTypeInfo.cpp publishes them in the
// settings schema (a test checks that every name here appears there).
#pragma once

#include <string_view>

#include "azureml/ComputeId.h"
#include "azureml/DiscoveryFilter.h"
#include "azureml/WorkspaceRef.h"
#include "azureml/WorkspaceUrls.h"
#include "http/TransportOptions.h"
#include "identity/CertificateLoader.h"
#include "identity/CloudEndpoints.h"
#include "identity/CredentialFactory.h"
#include "identity/ManagedIdentityCredential.h"
#include "identity/WorkloadIdentityCredential.h"

namespace aifoundry::pipeline_job::names {

inline constexpr std::string_view kJobTypeId = "azure.aifoundry.pipeline-job";
inline constexpr std::string_view kJobTypeDisplayName = "AI Foundry Pipeline Job";

// Connection settings.
inline constexpr std::string_view kSubscriptionId = azureml::kSubscriptionIdSetting;
inline constexpr std::string_view kResourceGroupName = azureml::kResourceGroupSetting;
inline constexpr std::string_view kWorkspaceName = azureml::kWorkspaceNameSetting;
inline constexpr std::string_view kAuthenticationMethod = identity::settings::kAuthenticationMethod;
inline constexpr std::string_view kTenantId = identity::settings::kTenantId;
inline constexpr std::string_view kClientId = identity::settings::kClientId;
inline constexpr std::string_view kClientSecret = identity::settings::kClientSecret;
inline constexpr std::string_view kCertificate = identity::settings::kCertificate;
inline constexpr std::string_view kCertificatePassword = identity::settings::kCertificatePassword;
inline constexpr std::string_view kThumbprint = identity::settings::kThumbprint;
inline constexpr std::string_view kFederatedTokenFile = identity::settings::kFederatedTokenFile;
inline constexpr std::string_view kAzureCloud = identity::settings::kAzureCloud;
inline constexpr std::string_view kResourceManagerEndpoint = identity::settings::kResourceManagerEndpoint;
inline constexpr std::string_view kAuthorityHost = identity::settings::kAuthorityHost;
inline constexpr std::string_view kAzureMlAudience = identity::settings::kAzureMlAudience;
inline constexpr std::string_view kStudioHost = identity::settings::kStudioHost;
inline constexpr std::string_view kManagedIdentityEndpoint = identity::settings::kManagedIdentityEndpoint;
inline constexpr std::string_view kApiVersion = azureml::kApiVersionSetting;
inline constexpr std::string_view kCaBundlePath = http::settings::kCaBundlePath;
inline constexpr std::string_view kAllowPlainHttpToLoopback = http::settings::kAllowPlainHttpToLoopback;
inline constexpr std::string_view kRequestTimeoutSeconds = http::settings::kRequestTimeoutSeconds;
inline constexpr std::string_view kDiscoveryTag = azureml::kDiscoveryTagSetting;
inline constexpr std::string_view kAdditionalTokenHosts = identity::settings::kAdditionalTokenHosts;
inline constexpr std::string_view kStatusSource = "Status Source";

// Every connection setting above, for the check that warns about a name the job type does not know.
inline constexpr std::string_view kConnectionSettingNames[] = {kSubscriptionId,
                                                               kResourceGroupName,
                                                               kWorkspaceName,
                                                               kAuthenticationMethod,
                                                               kTenantId,
                                                               kClientId,
                                                               kClientSecret,
                                                               kCertificate,
                                                               kCertificatePassword,
                                                               kThumbprint,
                                                               kFederatedTokenFile,
                                                               kAzureCloud,
                                                               kResourceManagerEndpoint,
                                                               kAuthorityHost,
                                                               kAzureMlAudience,
                                                               kStudioHost,
                                                               kManagedIdentityEndpoint,
                                                               kApiVersion,
                                                               kCaBundlePath,
                                                               kAllowPlainHttpToLoopback,
                                                               kRequestTimeoutSeconds,
                                                               kDiscoveryTag,
                                                               kAdditionalTokenHosts,
                                                               kStatusSource};

// Values of "Authentication Method".
inline constexpr std::string_view kAuthPolysyncServicePrincipal =
    identity::settings::kPolysyncServicePrincipal;  // default
inline constexpr std::string_view kAuthServicePrincipal = identity::settings::kServicePrincipal;
inline constexpr std::string_view kAuthCertificate = identity::settings::kCertificateMethod;
inline constexpr std::string_view kAuthManagedIdentity = identity::settings::kManagedIdentity;
inline constexpr std::string_view kAuthWorkloadIdentity = identity::settings::kWorkloadIdentity;
inline constexpr std::string_view kAuthEnvironment = identity::settings::kEnvironment;

// Values of "Status Source": where a poll reads a live run's status (plugin/README.md, "What the plugin costs
// your subscription").
inline constexpr std::string_view kStatusAutomatic = "Automatic";  // default: Run History, ARM as fallback
inline constexpr std::string_view kStatusResourceManager = "Resource Manager";  // every poll reads ARM

// Values of "Azure Cloud".
inline constexpr std::string_view kCloudPublic = "AzurePublicCloud";  // default
inline constexpr std::string_view kCloudUsGovernment = "AzureUSGovernment";
inline constexpr std::string_view kCloudChina = "AzureChinaCloud";

inline constexpr std::string_view kDefaultApiVersion = azureml::kDefaultApiVersion;

// Job attribute: a compute name or a full ARM id overriding the template's compute.
inline constexpr std::string_view kComputeNameAttribute = azureml::kComputeNameAttribute;

}  // namespace aifoundry::pipeline_job::names
