#include "identity/TokenReplyPolicy.h"

#include "arm/http/ResponseErrorBuilder.h"
#include "identity/TokenResponseParser.h"

namespace aifoundry::identity {

arm::HttpResponse TokenReplyPolicy::send(arm::HttpRequest& request, const arm::CallControl& control, const Next& next) {
    arm::HttpResponse response = next(request, control);
    if (response.ok()) (void)parseTokenResponse(response.body, systemUnixNow(), arm::operationOf(request));
    return response;
}

}  // namespace aifoundry::identity
