// SettingNames: the one list of the platform and job attribute names of the "AI Foundry Pipeline Job", and of
// their fixed values. Users, Polysync's platform definitions and tests rely on them exactly as written
// (docs/azure-contract.md); every library reads its settings by these names, so each is spelled once.
#pragma once

namespace aifoundry::common::settings {

// The workspace.
inline constexpr const char* kSubscriptionId = "Subscription Id";
inline constexpr const char* kResourceGroupName = "Resource Group Name";
inline constexpr const char* kWorkspaceName = "Workspace Name";
inline constexpr const char* kApiVersion = "API Version";
inline constexpr const char* kDiscoveryTag = "Discovery Tag";

// Sign-in.
inline constexpr const char* kAuthenticationMethod = "Authentication Method";
inline constexpr const char* kTenantId = "Tenant Id";
inline constexpr const char* kClientId = "Client Id";
inline constexpr const char* kClientSecret = "Client Secret";
inline constexpr const char* kCertificate = "Certificate";
inline constexpr const char* kCertificatePassword = "Certificate Password";
inline constexpr const char* kThumbprint = "Thumbprint";
inline constexpr const char* kFederatedTokenFile = "Federated Token File";
inline constexpr const char* kManagedIdentityEndpoint = "Managed Identity Endpoint";

// Values of `Authentication Method`; the first is the default.
inline constexpr const char* kPolysyncServicePrincipal = "Polysync Service Principal";
inline constexpr const char* kServicePrincipal = "Service Principal";
inline constexpr const char* kCertificateMethod = "Certificate";
inline constexpr const char* kManagedIdentity = "Managed Identity";
inline constexpr const char* kWorkloadIdentity = "Workload Identity";
inline constexpr const char* kEnvironment = "Environment";

// The cloud and its endpoints.
inline constexpr const char* kAzureCloud = "Azure Cloud";
inline constexpr const char* kResourceManagerEndpoint = "Resource Manager Endpoint";
inline constexpr const char* kAuthorityHost = "Authority Host";
inline constexpr const char* kAzureMlAudience = "Azure ML Audience";
inline constexpr const char* kStudioHost = "Studio Host";
inline constexpr const char* kAdditionalTokenHosts = "Additional Token Hosts";

// Values of `Azure Cloud`; the first is the default.
inline constexpr const char* kCloudPublic = "AzurePublicCloud";
inline constexpr const char* kCloudUsGovernment = "AzureUSGovernment";
inline constexpr const char* kCloudChina = "AzureChinaCloud";

// The transport.
inline constexpr const char* kCaBundlePath = "CA Bundle Path";
inline constexpr const char* kAllowPlainHttpToLoopback = "Allow Plain HTTP To Loopback";
inline constexpr const char* kRequestTimeoutSeconds = "Request Timeout Seconds";

// Where a poll reads a live run's status, and the values (plugin/README.md, "What the plugin costs your
// subscription").
inline constexpr const char* kStatusSource = "Status Source";
inline constexpr const char* kStatusAutomatic = "Automatic";  // the default: Run History, ARM as fallback
inline constexpr const char* kStatusResourceManager = "Resource Manager";  // every poll reads ARM

// Job attribute: a compute name or a full ARM id overriding the template's compute.
inline constexpr const char* kComputeNameAttribute = "AI Foundry Compute Name";

}  // namespace aifoundry::common::settings
