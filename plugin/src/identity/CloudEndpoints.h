// CloudEndpoints: the endpoints of one Azure cloud (docs/azure-contract.md, "Clouds"), each overridable one
// by one (how tests point the plugin at the local emulator). A plain value type; thread-safe once built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aifoundry::identity {

inline constexpr const char* kAzureCloudSetting = "Azure Cloud";

struct CloudEndpoints {
  std::string cloudName;      // "AzurePublicCloud", "AzureUSGovernment", "AzureChinaCloud"
  std::string authorityHost;  // "https://login.microsoftonline.com"
  std::string armEndpoint;    // "https://management.azure.com"
  std::string armScope;       // "https://management.azure.com/.default"
  std::string mlAudience;     // "https://ml.azure.com" (for the x-azureml-token)
  std::string studioHost;     // "ml.azure.com" (a bare host, or a full "http(s)://host:port" when overridden)
  // The Azure ML service hosts of the cloud, as ".suffix" (any host under it): where a workspace's discovery
  // document sends Run History, e.g. ".api.azureml.ms" for "eastus.api.azureml.ms". Tokens may go there.
  std::vector<std::string> serviceHostSuffixes;

  std::string mlScope() const { return mlAudience + "/.default"; }

  // Case-insensitive; "" = AzurePublicCloud; also accepts "AzureCloud", "Public", "AzureUSGovernmentCloud",
  // "USGovernment", "China". Throws AzureMlError(InvalidSetting) naming "Azure Cloud" and the valid names.
  static CloudEndpoints forCloud(std::string_view name);

  // Each set, non-blank override replaces its endpoint (trailing '/' dropped). The ARM scope stays the
  // cloud's unless overridden itself: pointing ARM elsewhere does not change which audience tokens are for.
  struct Overrides {
    std::optional<std::string> authorityHost, armEndpoint, armScope, mlAudience, studioHost;
  };
  CloudEndpoints withOverrides(const Overrides& overrides) const;
};

}  // namespace aifoundry::identity
