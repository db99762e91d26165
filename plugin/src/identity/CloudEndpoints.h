// CloudEndpoints: the sign-in and resource endpoints of one Azure cloud (docs/azure-contract.md, "Clouds"):
// the one table of clouds, and the one place their endpoints are overridden, each by its own platform
// attribute (`Authority Host`, `Resource Manager Endpoint`, `Azure ML Audience`, `Studio Host`), which is how
// tests point the plugin at the local emulator. A plain value type; thread-safe once built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/AttributeReader.h"

namespace aifoundry::identity {

struct CloudEndpoints {
  std::string cloudName;      // "AzurePublicCloud", "AzureUSGovernment", "AzureChinaCloud"
  std::string authorityHost;  // "https://login.microsoftonline.com" (no trailing slash)
  std::string armEndpoint;    // "https://management.azure.com" (no trailing slash)
  // The audience ARM tokens are for. It stays the cloud's when `armEndpoint` is overridden: pointing ARM
  // elsewhere (an emulator, a private link) does not change whom the token is for.
  std::string armAudience;  // "https://management.azure.com"
  std::string mlAudience;   // "https://ml.azure.com" (for the x-azureml-token)
  std::string studioHost;   // "ml.azure.com" (a bare host, or a full "http(s)://host:port" when overridden)
  // Hosts besides the Resource Manager endpoint that may receive a token: the cloud's Azure ML service hosts
  // (where a workspace's discovery document sends Run History, e.g. "eastus.api.azureml.ms") and those of
  // `Additional Token Hosts`. An entry "host" is that host only, ".suffix" any host under it
  // (arm/TokenDestinations.h applies them).
  std::vector<std::string> tokenHosts;

  std::string armScope() const { return armAudience + "/.default"; }
  std::string mlScope() const { return mlAudience + "/.default"; }

  // Case-insensitive; "" = AzurePublicCloud; also accepts "AzureCloud", "Public", "AzureUSGovernmentCloud",
  // "USGovernment", "China". Throws common::CodedError(InvalidSetting) naming "Azure Cloud" and the valid
  // names.
  static CloudEndpoints forCloud(std::string_view name);

  // Each set, non-blank override replaces its endpoint (trailing '/' dropped).
  struct Overrides {
    std::optional<std::string> authorityHost, armEndpoint, armAudience, mlAudience, studioHost;
  };
  CloudEndpoints withOverrides(const Overrides& overrides) const;

  // The cloud the attributes name, with their overrides and `Additional Token Hosts`. Throws
  // http::HttpError(InvalidSettings) for an unknown `Azure Cloud` or a malformed `Additional Token Hosts`.
  static CloudEndpoints fromAttributes(const http::Attributes& attributes);
};

}  // namespace aifoundry::identity
