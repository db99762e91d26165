// RateLimitPolicy: records ARM's remaining-request headers of every reply into a RateLimitState.
#pragma once

#include <memory>

#include "arm/RateLimitState.h"
#include "http/HttpPolicy.h"

namespace aifoundry::arm {

class RateLimitPolicy : public http::HttpPolicy {
public:
    explicit RateLimitPolicy(std::shared_ptr<RateLimitState> state) : state_(std::move(state)) {}
    http::HttpResponse send(http::HttpRequest& request, const http::CallControl& control, const Next& next) override;

private:
    std::shared_ptr<RateLimitState> state_;
};

}  // namespace aifoundry::arm
