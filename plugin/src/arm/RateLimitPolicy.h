// RateLimitPolicy: records, from every attempt's reply (it runs after RetryPolicy, so retried 429s count
// too), ARM's remaining-request headers and which plane answered 429 into a RateLimitState. A reply is ARM's
// when its request went to the Resource Manager endpoint, outside Run History's `/history/` paths; any other
// host the token may go to, and `/history/`, is the data plane.
#pragma once

#include <memory>
#include <string>

#include "arm/RateLimitState.h"
#include "http/HttpPolicy.h"

namespace aifoundry::arm {

class RateLimitPolicy : public http::HttpPolicy {
 public:
  // resourceManager: the endpoint as configured, "https://management.azure.com" (no trailing slash).
  RateLimitPolicy(std::shared_ptr<RateLimitState> state, std::string resourceManager)
      : state_(std::move(state)), resourceManager_(std::move(resourceManager)) {}
  http::HttpResponse send(http::HttpRequest& request, const http::CallControl& control,
                          const Next& next) override;

  // Whether `url` goes to the Resource Manager endpoint `resourceManager` (scheme, host and port compared
  // case-insensitively) and is not a Run History (`/history/...`) path.
  static bool isResourceManager(const std::string& url, const std::string& resourceManager);

 private:
  std::shared_ptr<RateLimitState> state_;
  std::string resourceManager_;
};

}  // namespace aifoundry::arm
