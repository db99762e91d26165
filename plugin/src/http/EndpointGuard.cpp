#include "http/EndpointGuard.h"

#include "common/SettingNames.h"
#include "http/HttpError.h"
#include "http/TransportOptions.h"

namespace aifoundry::http {

const Url& checkedEndpoint(const HttpRequest& request, const TransportOptions& options) {
  const Url* url = request.parsedUrl();
  if (url == nullptr)
    throwError(
        ErrorReason::InvalidSettings,
        "refusing to connect: an endpoint URL is not a valid URL with a host (and no user name); check "
        "the endpoint settings");
  const std::string& scheme = url->scheme;
  const std::string& host = url->host;
  if (scheme == "https") return *url;
  if (scheme != "http")
    throwError(ErrorReason::InvalidSettings,
               "refusing to connect to '" + host + "': scheme '" + scheme + "' is not supported, use https");
  if (request.platformPlainHttp) return *url;
  if (!url->loopback)
    throwError(ErrorReason::InvalidSettings, "refusing plain HTTP to '" + host +
                                                 "': plain HTTP is allowed only to loopback addresses "
                                                 "(127.0.0.0/8, ::1, localhost); use an https endpoint");
  if (!options.allowPlainHttpToLoopback)
    throwError(ErrorReason::InvalidSettings, "refusing plain HTTP to loopback address '" + host + "': set '" +
                                                 std::string(common::settings::kAllowPlainHttpToLoopback) +
                                                 "' to true to allow it (local emulators only)");
  return *url;
}

}  // namespace aifoundry::http
