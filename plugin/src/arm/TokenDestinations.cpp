#include "arm/TokenDestinations.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <optional>

#include "common/SettingNames.h"
#include "http/EndpointGuard.h"
#include "http/HttpError.h"
#include "http/Redactor.h"
#include "http/TransportOptions.h"

namespace aifoundry::arm {

namespace {

struct Target {
  std::string scheme, host;
  unsigned short port = 0;
};

std::optional<Target> targetOf(const std::string& url) {
  try {
    const Poco::URI uri(url);
    if (uri.getHost().empty()) return std::nullopt;
    return Target{Poco::toLower(uri.getScheme()), Poco::toLower(uri.getHost()), uri.getPort()};
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool matches(const std::string& host, const std::string& pattern) {
  return pattern.front() == '.' ? endsWith(host, pattern) : host == pattern;
}

std::string listOf(const std::vector<std::string>& hosts) {
  std::string text;
  for (const auto& host : hosts)
    text += (text.empty() ? "" : ", ") + (host.front() == '.' ? "*" + host : host);
  return text.empty() ? "none" : text;
}

}  // namespace

TokenDestinations::TokenDestinations(const identity::CloudEndpoints& cloud, bool loopbackAllowed)
    : cloudName_(cloud.cloudName), hosts_(cloud.tokenHosts), loopbackAllowed_(loopbackAllowed) {
  if (auto arm = targetOf(cloud.armEndpoint)) {
    armScheme_ = arm->scheme;
    armHost_ = arm->host;
    armPort_ = arm->port;
  }
}

bool TokenDestinations::allows(const std::string& url) const {
  const auto target = targetOf(url);
  if (!target) return false;
  if (target->scheme == armScheme_ && target->host == armHost_ && target->port == armPort_) return true;
  if (loopbackAllowed_ && http::isLoopbackHost(target->host)) return true;
  if (target->scheme != "https") return false;
  for (const auto& pattern : hosts_)
    if (!pattern.empty() && matches(target->host, pattern)) return true;
  return false;
}

void TokenDestinations::check(const std::string& url, const std::string& operation) const {
  if (allows(url)) return;
  const auto target = targetOf(url);
  const std::string host = target ? http::oneLine(target->host, 100) : std::string("an unparsable URL");
  std::string why;
  if (target && http::isLoopbackHost(target->host))
    why = "it is a loopback address and '" + std::string(common::settings::kAllowPlainHttpToLoopback) +
          "' is not true";
  else if (target && target->scheme != "https")
    why = "it is not HTTPS";
  else
    why = "it is neither the Resource Manager endpoint nor an Azure ML host of " + cloudName_ + " (" +
          listOf(hosts_) + ")";
  http::throwError(
      http::ErrorReason::InvalidSettings,
      http::Redactor::redact(operation + ": refusing to send the access token to '" + host + "': " + why +
                             "; if that host is a trusted Azure ML endpoint, add it to '" +
                             common::settings::kAdditionalTokenHosts + "'"));
}

}  // namespace aifoundry::arm
