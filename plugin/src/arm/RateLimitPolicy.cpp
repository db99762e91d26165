#include "arm/RateLimitPolicy.h"

namespace aifoundry::arm {

http::HttpResponse RateLimitPolicy::send(http::HttpRequest& request, const http::CallControl& control, const Next& next) {
    http::HttpResponse response = next(request, control);
    state_->update(response.headers);
    return response;
}

}  // namespace aifoundry::arm
