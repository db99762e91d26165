#include "arm/RateLimitPolicy.h"

namespace aifoundry::arm {

HttpResponse RateLimitPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
    HttpResponse response = next(request, control);
    state_->update(response.headers);
    return response;
}

}  // namespace aifoundry::arm
