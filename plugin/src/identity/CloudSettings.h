// CloudSettings: the sign-in and resource endpoints of one Azure cloud, each overridable by its own
// platform attribute (`Authority Host`, `Resource Manager Endpoint`, `Azure ML Audience`, `Studio Host`),
// which is how tests point at the emulator. A value type: the sign-in and ARM layers' view of
// identity::CloudEndpoints, which holds the one table of clouds and the override rules.
#pragma once

#include <string>
#include <vector>

#include "http/AttributeReader.h"
#include "identity/CloudEndpoints.h"  // settings::kAzureCloud

namespace aifoundry::identity {

struct CloudSettings {
  std::string name;             // AzurePublicCloud | AzureUSGovernment | AzureChinaCloud
  std::string authorityHost;    // https://login.microsoftonline.com (no trailing slash)
  std::string resourceManager;  // https://management.azure.com (no trailing slash)
  std::string mlAudience;       // https://ml.azure.com
  std::string studioHost;       // ml.azure.com
  // The audience ARM tokens are for. Stays the cloud's when `Resource Manager Endpoint` is overridden:
  // pointing ARM elsewhere (an emulator, a private link) does not change whom the token is for
  // (the same rule as identity::CloudEndpoints).
  std::string armAudience;  // https://management.azure.com
  // Hosts besides the Resource Manager endpoint that may receive a token: the cloud's Azure ML service
  // hosts and those of `Additional Token Hosts`. An entry "host" is that host only, ".suffix" any host
  // under it (arm/TokenDestinations.h applies them).
  std::vector<std::string> tokenHosts;

  std::string armScope() const { return armAudience + "/.default"; }
  std::string mlScope() const { return mlAudience + "/.default"; }

  // Throws http::HttpError(InvalidSettings) for an unknown `Azure Cloud` or a malformed `Additional Token
  // Hosts`.
  static CloudSettings fromAttributes(const http::Attributes& attributes);
  static CloudSettings named(const std::string& cloudName);
};

namespace settings {
inline constexpr const char* kAuthorityHost = "Authority Host";
inline constexpr const char* kResourceManagerEndpoint = "Resource Manager Endpoint";
inline constexpr const char* kAzureMlAudience = "Azure ML Audience";
inline constexpr const char* kStudioHost = "Studio Host";
inline constexpr const char* kAdditionalTokenHosts = "Additional Token Hosts";
}  // namespace settings

}  // namespace aifoundry::identity
