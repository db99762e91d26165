#include "arm/RateLimitPolicy.h"

#include <Poco/String.h>

namespace aifoundry::arm {

bool RateLimitPolicy::isResourceManager(const std::string& url, const std::string& resourceManager) {
  std::string origin = resourceManager;
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  if (origin.empty() || url.size() < origin.size()) return false;
  if (Poco::icompare(url.substr(0, origin.size()), origin) != 0) return false;
  // "https://management.azure.com" must not match "https://management.azure.com.evil.example".
  if (url.size() == origin.size() || url[origin.size()] == '?') return true;
  if (url[origin.size()] != '/') return false;
  // Run History's paths are the data plane's even where one server answers both (a local emulator).
  return url.compare(origin.size(), 9, "/history/") != 0;
}

http::HttpResponse RateLimitPolicy::send(http::HttpRequest& request, const http::CallControl& control,
                                         const Next& next) {
  http::HttpResponse response = next(request, control);
  const bool arm = isResourceManager(request.url, resourceManager_);
  // Only ARM's budget headers are ARM's: a data-plane reply repeating them must not move the figure.
  if (arm) state_->update(response.headers);
  if (response.status == 429)
    state_->noteThrottled(arm ? Plane::ResourceManager : Plane::DataPlane, RateLimitState::steadyNowMs());
  return response;
}

}  // namespace aifoundry::arm
