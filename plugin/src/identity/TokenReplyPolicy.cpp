#include "identity/TokenReplyPolicy.h"

#include "arm/http/HttpError.h"
#include "arm/http/Redactor.h"
#include "arm/http/ResponseErrorBuilder.h"
#include "identity/TokenResponseParser.h"

namespace aifoundry::identity {

arm::HttpResponse TokenReplyPolicy::send(arm::HttpRequest& request, const arm::CallControl& control, const Next& next) {
    arm::HttpResponse response = next(request, control);
    if (!response.ok()) return response;
    try {
        (void)parseTokenResponse(response.body, systemUnixNow(), arm::operationOf(request));
    } catch (const arm::HttpError& error) {
        // With the reply's status and request id: a 2xx the RetryPolicy retries, and an id to report.
        arm::HttpError::Details details = error.details();
        details.httpStatus = response.status;
        details.requestId = response.headers.getOr("x-ms-request-id", "");
        const std::string id = details.requestId.empty() ? std::string() : " (x-ms-request-id: " + arm::oneLine(details.requestId, 80) + ")";
        throw arm::HttpError(error.what() + id, details);
    }
    return response;
}

}  // namespace aifoundry::identity
