#include "identity/CloudEndpoints.h"

#include "common/AsciiText.h"
#include "common/CodedError.h"

namespace aifoundry::identity {
namespace {

CloudEndpoints make(const char* name, const char* authority, const char* arm, const char* ml,
                    const char* studio, std::vector<std::string> serviceHostSuffixes) {
  return CloudEndpoints{
      name, authority, arm, std::string(arm) + "/.default", ml, studio, std::move(serviceHostSuffixes)};
}

void apply(std::string& target, const std::optional<std::string>& value) {
  if (!value) return;
  std::string_view v = common::ascii::trim(*value);
  while (!v.empty() && v.back() == '/') v.remove_suffix(1);
  if (!v.empty()) target = std::string(v);
}

}  // namespace

CloudEndpoints CloudEndpoints::forCloud(std::string_view name) {
  const std::string_view n = common::ascii::trim(name);
  for (const char* alias : {"", "AzurePublicCloud", "AzureCloud", "Public", "AzurePublic"})
    if (common::ascii::iequals(n, alias))
      return make("AzurePublicCloud", "https://login.microsoftonline.com", "https://management.azure.com",
                  "https://ml.azure.com", "ml.azure.com", {".api.azureml.ms", ".experiments.azureml.net"});
  for (const char* alias : {"AzureUSGovernment", "AzureUSGovernmentCloud", "USGovernment", "AzureUSGov"})
    if (common::ascii::iequals(n, alias))
      return make("AzureUSGovernment", "https://login.microsoftonline.us",
                  "https://management.usgovcloudapi.net", "https://ml.azure.us", "ml.azure.us",
                  {".api.ml.azure.us"});
  for (const char* alias : {"AzureChinaCloud", "China", "AzureChina"})
    if (common::ascii::iequals(n, alias))
      return make("AzureChinaCloud", "https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn",
                  "https://ml.azure.cn", "studio.ml.azure.cn",
                  {".api.ml.azure.cn", ".experiments.ml.azure.cn"});
  throw common::CodedError(common::errc::InvalidSetting,
                           std::string("Setting '") + settings::kAzureCloud + "' has the value '" +
                               common::ascii::oneLine(n, 64) +
                               "'; use AzurePublicCloud, AzureUSGovernment or AzureChinaCloud");
}

CloudEndpoints CloudEndpoints::withOverrides(const Overrides& overrides) const {
  CloudEndpoints out = *this;
  apply(out.authorityHost, overrides.authorityHost);
  apply(out.armEndpoint, overrides.armEndpoint);
  apply(out.armScope, overrides.armScope);
  apply(out.mlAudience, overrides.mlAudience);
  apply(out.studioHost, overrides.studioHost);
  return out;
}

}  // namespace aifoundry::identity
