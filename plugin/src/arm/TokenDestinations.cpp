#include "arm/TokenDestinations.h"

#include "common/SettingNames.h"
#include "http/EndpointGuard.h"
#include "http/HttpError.h"
#include "http/Redactor.h"
#include "http/ResponseErrorBuilder.h"
#include "http/TransportOptions.h"

namespace aifoundry::arm {

namespace {

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
  if (auto arm = http::Url::parse(cloud.armEndpoint)) {
    armScheme_ = arm->scheme;
    armHost_ = arm->host;
    armPort_ = arm->port;
  }
}

bool TokenDestinations::allows(const std::string& url) const {
  const auto parsed = http::Url::parse(url);
  return allows(parsed ? &*parsed : nullptr);
}

bool TokenDestinations::allows(const http::Url* target) const {
  if (target == nullptr) return false;
  if (target->scheme == armScheme_ && target->host == armHost_ && target->port == armPort_) return true;
  if (loopbackAllowed_ && target->loopback) return true;
  if (target->scheme != "https") return false;
  for (const auto& pattern : hosts_)
    if (!pattern.empty() && matches(target->host, pattern)) return true;
  return false;
}

void TokenDestinations::check(const std::string& url, const std::string& operation) const {
  const auto parsed = http::Url::parse(url);
  if (!allows(parsed ? &*parsed : nullptr)) refuse(parsed ? &*parsed : nullptr, operation);
}

void TokenDestinations::check(const http::HttpRequest& request) const {
  const http::Url* url = request.parsedUrl();
  if (!allows(url)) refuse(url, http::operationOf(request));
}

void TokenDestinations::refuse(const http::Url* target, const std::string& operation) const {
  const std::string host = target ? http::oneLine(target->host, 100) : std::string("an unparsable URL");
  std::string why;
  if (!target)
    why =
        "it is not a URL the plugin follows (it has user information, an escaped or unusual host name, or "
        "an invalid port)";
  else if (target->loopback)
    why = "it is a loopback address and '" + std::string(common::settings::kAllowPlainHttpToLoopback) +
          "' is not true";
  else if (target->scheme != "https")
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
