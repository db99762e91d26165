#include "identity/TokenReplyPolicy.h"

#include "http/HttpError.h"
#include "http/Redactor.h"
#include "http/ResponseErrorBuilder.h"
#include "identity/TokenResponseParser.h"

namespace aifoundry::identity {

http::HttpResponse TokenReplyPolicy::send(http::HttpRequest& request, const http::CallControl& control,
                                          const Next& next) {
  http::HttpResponse response = next(request, control);
  if (!response.ok()) return response;
  try {
    (void)parseTokenResponse(response.body, http::systemUnixNow(), http::operationOf(request));
  } catch (const http::HttpError& error) {
    // With the reply's status and request id: a 2xx the RetryPolicy retries, and an id to report.
    http::HttpError::Details details = error.details();
    details.httpStatus = response.status;
    details.requestId = response.headers.getOr("x-ms-request-id", "");
    const std::string id = details.requestId.empty()
                               ? std::string()
                               : " (x-ms-request-id: " + http::oneLine(details.requestId, 80) + ")";
    throw http::HttpError(error.what() + id, details);
  }
  return response;
}

}  // namespace aifoundry::identity
