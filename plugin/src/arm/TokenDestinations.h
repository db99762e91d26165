// TokenDestinations: the hosts an access token may be sent to. A token goes only to
//   - the Resource Manager endpoint (same scheme, host and port as configured),
//   - over HTTPS, the Azure ML service hosts of the configured cloud and the hosts of `Additional Token
//   Hosts`
//     (identity::CloudEndpoints::tokenHosts: "host" exactly, ".suffix" any host under it),
//   - a loopback address, only while `Allow Plain HTTP To Loopback` is true (a local emulator).
// Replies name hosts (a workspace's discoveryUrl, the discovery document's `api` host, a page's nextLink);
// this is what keeps a lying reply from collecting the token. BearerTokenPolicy and ArmClient consult it
// where they attach a token, so no caller can bypass it. Immutable; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "common/SettingNames.h"
#include "http/HttpMessage.h"
#include "http/Url.h"
#include "identity/CloudEndpoints.h"

namespace aifoundry::arm {

class TokenDestinations {
 public:
  TokenDestinations(const identity::CloudEndpoints& cloud, bool loopbackAllowed);

  bool allows(const std::string& url) const;
  // False for null (a URL that did not parse).
  bool allows(const http::Url* url) const;
  // Throws HttpError(InvalidSettings) when `url` may not receive a token: one line saying which host was
  // refused, why, and which setting would allow it. `operation` starts the line ("read Run History ...").
  void check(const std::string& url, const std::string& operation) const;
  // The same, on the request's own parse of its URL (HttpRequest::parsedUrl): the one the transport then
  // connects to.
  void check(const http::HttpRequest& request) const;

 private:
  [[noreturn]] void refuse(const http::Url* url, const std::string& operation) const;

  std::string cloudName_;
  std::string armScheme_, armHost_;
  unsigned short armPort_ = 0;
  std::vector<std::string> hosts_;
  bool loopbackAllowed_ = false;
};

namespace settings {
inline constexpr const char* kAdditionalTokenHosts = common::settings::kAdditionalTokenHosts;
}

}  // namespace aifoundry::arm
