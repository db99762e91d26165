#include "identity/CloudEndpoints.h"

#include <Poco/String.h>

#include <algorithm>
#include <cctype>

#include "common/AsciiText.h"
#include "common/CodedError.h"
#include "common/SettingNames.h"
#include "http/HttpError.h"

namespace aifoundry::identity {
namespace {

CloudEndpoints make(const char* name, const char* authority, const char* arm, const char* ml,
                    const char* studio, std::vector<std::string> serviceHostSuffixes) {
  return CloudEndpoints{name, authority, arm, arm, ml, studio, std::move(serviceHostSuffixes)};
}

void apply(std::string& target, const std::optional<std::string>& value) {
  if (!value) return;
  std::string_view v = common::ascii::trim(*value);
  while (!v.empty() && v.back() == '/') v.remove_suffix(1);
  if (!v.empty()) target = std::string(v);
}

bool isHostNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; }

// `Additional Token Hosts`: host names separated by commas or blanks; "*.example.com" and ".example.com" both
// mean any host under example.com. A value that is not a host name, or a suffix of one label (".com"), is
// refused rather than guessed at.
std::vector<std::string> additionalTokenHosts(const std::string& value) {
  std::vector<std::string> hosts;
  std::string entry;
  auto finish = [&] {
    if (entry.empty()) return;
    if (entry.rfind("*.", 0) == 0) entry.erase(0, 1);
    // A suffix needs two labels at least: ".com" would hand the token to half the internet.
    const bool tooWide = entry.front() == '.' && entry.find('.', 1) == std::string::npos;
    const bool valid = std::all_of(entry.begin(), entry.end(), isHostNameChar) &&
                       entry.find("..") == std::string::npos && entry != "." && entry.back() != '.' &&
                       !tooWide;
    if (!valid)
      http::throwError(
          http::ErrorReason::InvalidSettings,
          "setting '" + std::string(common::settings::kAdditionalTokenHosts) +
              "' must list host names separated by commas, e.g. 'ml.contoso.com, .api.contoso.com'");
    hosts.push_back(Poco::toLower(entry));
    entry.clear();
  };
  for (char c : value) {
    if (c == ',' || c == ' ' || c == '\t') {
      finish();
    } else {
      entry.push_back(c);
    }
  }
  finish();
  return hosts;
}

}  // namespace

CloudEndpoints CloudEndpoints::forCloud(std::string_view name) {
  const std::string_view n = common::ascii::trim(name);
  namespace names = common::settings;
  for (const char* alias : {"", names::kCloudPublic, "AzureCloud", "Public", "AzurePublic"})
    if (common::ascii::iequals(n, alias))
      return make(names::kCloudPublic, "https://login.microsoftonline.com", "https://management.azure.com",
                  "https://ml.azure.com", "ml.azure.com", {".api.azureml.ms", ".experiments.azureml.net"});
  for (const char* alias :
       {names::kCloudUsGovernment, "AzureUSGovernmentCloud", "USGovernment", "AzureUSGov"})
    if (common::ascii::iequals(n, alias))
      return make(names::kCloudUsGovernment, "https://login.microsoftonline.us",
                  "https://management.usgovcloudapi.net", "https://ml.azure.us", "ml.azure.us",
                  {".api.ml.azure.us"});
  for (const char* alias : {names::kCloudChina, "China", "AzureChina"})
    if (common::ascii::iequals(n, alias))
      return make(names::kCloudChina, "https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn",
                  "https://ml.azure.cn", "studio.ml.azure.cn",
                  {".api.ml.azure.cn", ".experiments.ml.azure.cn"});
  throw common::CodedError(common::errc::InvalidSetting,
                           std::string("Setting '") + common::settings::kAzureCloud + "' has the value '" +
                               common::ascii::oneLine(n, 64) +
                               "'; use AzurePublicCloud, AzureUSGovernment or AzureChinaCloud");
}

CloudEndpoints CloudEndpoints::withOverrides(const Overrides& overrides) const {
  CloudEndpoints out = *this;
  apply(out.authorityHost, overrides.authorityHost);
  apply(out.armEndpoint, overrides.armEndpoint);
  apply(out.armAudience, overrides.armAudience);
  apply(out.mlAudience, overrides.mlAudience);
  apply(out.studioHost, overrides.studioHost);
  return out;
}

CloudEndpoints CloudEndpoints::fromAttributes(const http::Attributes& attributes) {
  const http::AttributeReader reader(attributes);
  Overrides overrides;
  overrides.authorityHost = reader.find(common::settings::kAuthorityHost);
  overrides.armEndpoint = reader.find(common::settings::kResourceManagerEndpoint);
  overrides.mlAudience = reader.find(common::settings::kAzureMlAudience);
  overrides.studioHost = reader.find(common::settings::kStudioHost);
  CloudEndpoints cloud;
  try {
    cloud = forCloud(reader.textOr(common::settings::kAzureCloud, "")).withOverrides(overrides);
  } catch (const common::CodedError& e) {
    http::throwError(http::ErrorReason::InvalidSettings, e.what());
  }
  for (auto& host : additionalTokenHosts(reader.textOr(common::settings::kAdditionalTokenHosts, "")))
    cloud.tokenHosts.push_back(std::move(host));
  return cloud;
}

}  // namespace aifoundry::identity
