#include "arm/RateLimitPolicy.h"

#include <string_view>

namespace aifoundry::arm {

bool RateLimitPolicy::isResourceManager(const http::Url* url,
                                        const std::optional<http::Url>& resourceManager) {
  if (url == nullptr || !resourceManager) return false;
  // "https://management.azure.com" must not match "https://management.azure.com.evil.example": hosts are
  // compared whole, as parsed.
  if (url->scheme != resourceManager->scheme || url->host != resourceManager->host ||
      url->port != resourceManager->port)
    return false;
  std::string_view prefix = resourceManager->path;
  while (!prefix.empty() && prefix.back() == '/') prefix.remove_suffix(1);
  const std::string_view path = url->path;
  if (path.compare(0, prefix.size(), prefix) != 0) return false;
  const std::string_view rest = path.substr(prefix.size());
  if (!rest.empty() && rest.front() != '/') return false;
  // Run History's paths are the data plane's even where one server answers both (a local emulator).
  return rest.compare(0, 9, "/history/") != 0;
}

bool RateLimitPolicy::isResourceManager(const std::string& url, const std::string& resourceManager) {
  const auto parsed = http::Url::parse(url);
  return isResourceManager(parsed ? &*parsed : nullptr, http::Url::parse(resourceManager));
}

http::HttpResponse RateLimitPolicy::send(http::HttpRequest& request, const http::CallControl& control,
                                         const Next& next) {
  http::HttpResponse response = next(request, control);
  const bool arm = isResourceManager(request.parsedUrl(), resourceManager_);
  // Only ARM's budget headers are ARM's: a data-plane reply repeating them must not move the figure.
  if (arm) state_->update(response.headers);
  if (response.status == 429)
    state_->noteThrottled(arm ? Plane::ResourceManager : Plane::DataPlane, RateLimitState::steadyNowMs());
  return response;
}

}  // namespace aifoundry::arm
