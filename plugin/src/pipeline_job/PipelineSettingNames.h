// The Polysync attribute names of the "AI Foundry Pipeline Job" (docs/azure-contract.md). Users
// and tests rely on them exactly as written; PipelineJobTypeInfo.cpp publishes them in the settings schema
// (a test checks that every name here appears there).
#pragma once

#include <string_view>

namespace aifoundry::pipeline_job::names {

inline constexpr std::string_view kJobTypeId = "azure.aifoundry.pipeline-job";
inline constexpr std::string_view kJobTypeDisplayName = "AI Foundry Pipeline Job";

// Connection settings.
inline constexpr std::string_view kSubscriptionId = "Subscription Id";
inline constexpr std::string_view kResourceGroupName = "Resource Group Name";
inline constexpr std::string_view kWorkspaceName = "Workspace Name";
inline constexpr std::string_view kAuthenticationMethod = "Authentication Method";
inline constexpr std::string_view kTenantId = "Tenant Id";
inline constexpr std::string_view kClientId = "Client Id";
inline constexpr std::string_view kClientSecret = "Client Secret";
inline constexpr std::string_view kCertificate = "Certificate";
inline constexpr std::string_view kCertificatePassword = "Certificate Password";
inline constexpr std::string_view kThumbprint = "Thumbprint";
inline constexpr std::string_view kFederatedTokenFile = "Federated Token File";
inline constexpr std::string_view kAzureCloud = "Azure Cloud";
inline constexpr std::string_view kResourceManagerEndpoint = "Resource Manager Endpoint";
inline constexpr std::string_view kAuthorityHost = "Authority Host";
inline constexpr std::string_view kAzureMlAudience = "Azure ML Audience";
inline constexpr std::string_view kStudioHost = "Studio Host";
inline constexpr std::string_view kManagedIdentityEndpoint = "Managed Identity Endpoint";
inline constexpr std::string_view kApiVersion = "API Version";
inline constexpr std::string_view kCaBundlePath = "CA Bundle Path";
inline constexpr std::string_view kAllowPlainHttpToLoopback = "Allow Plain HTTP To Loopback";
inline constexpr std::string_view kRequestTimeoutSeconds = "Request Timeout Seconds";
inline constexpr std::string_view kDiscoveryTag = "Discovery Tag";
inline constexpr std::string_view kAdditionalTokenHosts = "Additional Token Hosts";

// Every connection setting above, for the check that warns about a name the job type does not know.
inline constexpr std::string_view kConnectionSettingNames[] = {
    kSubscriptionId,   kResourceGroupName,      kWorkspaceName,       kAuthenticationMethod,
    kTenantId,         kClientId,               kClientSecret,        kCertificate,
    kCertificatePassword, kThumbprint,          kFederatedTokenFile,  kAzureCloud,
    kResourceManagerEndpoint, kAuthorityHost,   kAzureMlAudience,     kStudioHost,
    kManagedIdentityEndpoint, kApiVersion,      kCaBundlePath,        kAllowPlainHttpToLoopback,
    kRequestTimeoutSeconds, kDiscoveryTag,      kAdditionalTokenHosts};

// Values of "Authentication Method".
inline constexpr std::string_view kAuthPolysyncServicePrincipal = "Polysync Service Principal";  // default
inline constexpr std::string_view kAuthServicePrincipal = "Service Principal";
inline constexpr std::string_view kAuthCertificate = "Certificate";
inline constexpr std::string_view kAuthManagedIdentity = "Managed Identity";
inline constexpr std::string_view kAuthWorkloadIdentity = "Workload Identity";
inline constexpr std::string_view kAuthEnvironment = "Environment";

// Values of "Azure Cloud".
inline constexpr std::string_view kCloudPublic = "AzurePublicCloud";  // default
inline constexpr std::string_view kCloudUsGovernment = "AzureUSGovernment";
inline constexpr std::string_view kCloudChina = "AzureChinaCloud";

inline constexpr std::string_view kDefaultApiVersion = "2024-10-01";

// Job attribute: a compute name or a full ARM id overriding the template's compute.
inline constexpr std::string_view kComputeNameAttribute = "AI Foundry Compute Name";

}  // namespace aifoundry::pipeline_job::names
