// RateLimitPolicy: records, from every attempt's reply (it runs after RetryPolicy, so retried 429s count
// too), ARM's remaining-request headers and which plane answered 429 into a RateLimitState. A reply is ARM's
// when its request went to the Resource Manager endpoint, outside Run History's `/history/` paths; any other
// host the token may go to, and `/history/`, is the data plane.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "arm/RateLimitState.h"
#include "http/HttpPolicy.h"
#include "http/Url.h"

namespace aifoundry::arm {

class RateLimitPolicy : public http::HttpPolicy {
 public:
  // resourceManager: the endpoint as configured, "https://management.azure.com" (no trailing slash).
  RateLimitPolicy(std::shared_ptr<RateLimitState> state, const std::string& resourceManager)
      : state_(std::move(state)), resourceManager_(http::Url::parse(resourceManager)) {}
  http::HttpResponse send(http::HttpRequest& request, const http::CallControl& control,
                          const Next& next) override;

  // Whether `url` goes to the Resource Manager endpoint `resourceManager` (the same scheme, host and port,
  // under its path) and is not a Run History (`/history/...`) path. False when either is not a URL.
  static bool isResourceManager(const http::Url* url, const std::optional<http::Url>& resourceManager);
  // The same, parsing both.
  static bool isResourceManager(const std::string& url, const std::string& resourceManager);

 private:
  std::shared_ptr<RateLimitState> state_;
  std::optional<http::Url> resourceManager_;
};

}  // namespace aifoundry::arm
