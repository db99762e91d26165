#include "identity/CloudSettings.h"

#include <Poco/String.h>

#include <algorithm>
#include <cctype>

#include "common/CodedError.h"
#include "http/HttpError.h"
#include "identity/CloudEndpoints.h"

namespace aifoundry::identity {

namespace {

// The cloud table and the override rules live once, in identity::CloudEndpoints; this is only the view the
// sign-in and ARM layers take of it.
CloudSettings viewOf(const identity::CloudEndpoints& endpoints) {
  std::string armAudience = endpoints.armScope;
  const std::string suffix = "/.default";
  if (armAudience.size() > suffix.size() &&
      armAudience.compare(armAudience.size() - suffix.size(), suffix.size(), suffix) == 0)
    armAudience.resize(armAudience.size() - suffix.size());
  return {endpoints.cloudName,          endpoints.authorityHost, endpoints.armEndpoint,
          endpoints.mlAudience,         endpoints.studioHost,    armAudience,
          endpoints.serviceHostSuffixes};
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
          "setting '" + std::string(settings::kAdditionalTokenHosts) +
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

identity::CloudEndpoints endpointsOf(const std::string& cloudName) {
  try {
    return identity::CloudEndpoints::forCloud(cloudName);
  } catch (const common::CodedError& e) {
    http::throwError(http::ErrorReason::InvalidSettings, e.what());
  }
}

}  // namespace

CloudSettings CloudSettings::named(const std::string& cloudName) { return viewOf(endpointsOf(cloudName)); }

CloudSettings CloudSettings::fromAttributes(const http::Attributes& attributes) {
  http::AttributeReader reader(attributes);
  identity::CloudEndpoints::Overrides overrides;
  overrides.authorityHost = reader.find(settings::kAuthorityHost);
  overrides.armEndpoint = reader.find(settings::kResourceManagerEndpoint);
  overrides.mlAudience = reader.find(settings::kAzureMlAudience);
  overrides.studioHost = reader.find(settings::kStudioHost);
  CloudSettings cloud =
      viewOf(endpointsOf(reader.textOr(settings::kAzureCloud, "")).withOverrides(overrides));
  for (auto& host : additionalTokenHosts(reader.textOr(settings::kAdditionalTokenHosts, "")))
    cloud.tokenHosts.push_back(std::move(host));
  return cloud;
}

}  // namespace aifoundry::identity
