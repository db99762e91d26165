#include "http/StandardHeadersPolicy.h"

#include "http/UserAgent.h"

namespace aifoundry::http {

StandardHeadersPolicy::StandardHeadersPolicy(std::string userAgent)
    : userAgent_(userAgent.empty() ? defaultUserAgent() : std::move(userAgent)) {}

HttpResponse StandardHeadersPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
  if (!request.headers.has("User-Agent")) request.headers.set("User-Agent", userAgent_);
  if (!request.headers.has("Accept")) request.headers.set("Accept", "application/json");
  if (!request.headers.has("Accept-Encoding")) request.headers.set("Accept-Encoding", "gzip, deflate");
  return next(request, control);
}

}  // namespace aifoundry::http
