// The job type's own names, and the connection settings it knows. Every setting name is spelled once, in
// common/SettingNames.h; PipelineJobTypeInfo.cpp publishes them in the settings schema (a test checks that
// every name of kConnectionSettingNames appears there).
#pragma once

#include <string_view>

#include "azureml/WorkspaceUrls.h"
#include "common/SettingNames.h"

namespace aifoundry::pipeline_job::names {

inline constexpr std::string_view kJobTypeId = "azure.aifoundry.pipeline-job";
inline constexpr std::string_view kJobTypeDisplayName = "AI Foundry Pipeline Job";
inline constexpr std::string_view kDefaultApiVersion = azureml::kDefaultApiVersion;

// Every connection setting, for the check that warns about a name the job type does not know.
inline constexpr std::string_view kConnectionSettingNames[] = {common::settings::kSubscriptionId,
                                                               common::settings::kResourceGroupName,
                                                               common::settings::kWorkspaceName,
                                                               common::settings::kAuthenticationMethod,
                                                               common::settings::kTenantId,
                                                               common::settings::kClientId,
                                                               common::settings::kClientSecret,
                                                               common::settings::kCertificate,
                                                               common::settings::kCertificatePassword,
                                                               common::settings::kThumbprint,
                                                               common::settings::kFederatedTokenFile,
                                                               common::settings::kAzureCloud,
                                                               common::settings::kResourceManagerEndpoint,
                                                               common::settings::kAuthorityHost,
                                                               common::settings::kAzureMlAudience,
                                                               common::settings::kStudioHost,
                                                               common::settings::kManagedIdentityEndpoint,
                                                               common::settings::kApiVersion,
                                                               common::settings::kCaBundlePath,
                                                               common::settings::kAllowPlainHttpToLoopback,
                                                               common::settings::kRequestTimeoutSeconds,
                                                               common::settings::kDiscoveryTag,
                                                               common::settings::kAdditionalTokenHosts,
                                                               common::settings::kStatusSource};

}  // namespace aifoundry::pipeline_job::names
