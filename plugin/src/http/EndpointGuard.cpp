#include "http/EndpointGuard.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "common/SettingNames.h"
#include "http/HttpError.h"
#include "http/TransportOptions.h"

namespace aifoundry::http {

bool isLoopbackHost(const std::string& host) {
  if (Poco::icompare(host, "localhost") == 0) return true;
  Poco::Net::IPAddress address;
  return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

Poco::URI checkedEndpoint(const std::string& url, const TransportOptions& options, bool platformPlainHttp) {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception&) {
    throwError(ErrorReason::InvalidSettings,
               "refusing to connect: an endpoint URL is not a valid URL; check the endpoint settings");
  }
  const std::string scheme = Poco::toLower(uri.getScheme());
  const std::string& host = uri.getHost();
  if (host.empty())
    throwError(ErrorReason::InvalidSettings,
               "refusing to connect: an endpoint URL has no host; check the endpoint settings");
  if (scheme == "https") return uri;
  if (scheme != "http")
    throwError(ErrorReason::InvalidSettings,
               "refusing to connect to '" + host + "': scheme '" + scheme + "' is not supported, use https");
  if (platformPlainHttp) return uri;
  if (!isLoopbackHost(host))
    throwError(ErrorReason::InvalidSettings, "refusing plain HTTP to '" + host +
                                                 "': plain HTTP is allowed only to loopback addresses "
                                                 "(127.0.0.0/8, ::1, localhost); use an https endpoint");
  if (!options.allowPlainHttpToLoopback)
    throwError(ErrorReason::InvalidSettings, "refusing plain HTTP to loopback address '" + host + "': set '" +
                                                 std::string(common::settings::kAllowPlainHttpToLoopback) +
                                                 "' to true to allow it (local emulators only)");
  return uri;
}

}  // namespace aifoundry::http
