#include "arm/http/JsonResponsePolicy.h"

#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include "arm/http/HttpError.h"
#include "arm/http/ResponseErrorBuilder.h"

namespace aifoundry::arm {

HttpResponse JsonResponsePolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
    HttpResponse response = next(request, control);
    if (!response.ok() || request.bodySink) return response;
    if (Poco::trim(response.body).empty()) return response;
    const std::string type = Poco::toLower(response.headers.getOr("Content-Type", ""));
    HttpError::Details details;
    details.reason = ErrorReason::Network;
    details.httpStatus = response.status;
    details.requestId = response.headers.getOr("x-ms-request-id", "");
    if (!type.empty() && type.find("json") == std::string::npos)
        throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) + " with content type '" +
                            type.substr(0, 60) + "' instead of JSON (a proxy or gateway answered?)",
                        details);
    try {
        Poco::JSON::Parser parser;
        parser.parse(response.body);
    } catch (const Poco::Exception&) {
        throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) +
                            " with a body that is not valid JSON (" + std::to_string(response.body.size()) +
                            " bytes; truncated or garbled)",
                        details);
    }
    return response;
}

}  // namespace aifoundry::arm
