#include "arm/http/LoggingPolicy.h"

#include <chrono>

#include "arm/http/HttpError.h"
#include "arm/http/RequestIdPolicy.h"
#include "arm/http/ResponseErrorBuilder.h"

namespace aifoundry::arm {

HttpResponse LoggingPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
    if (!sink_) return next(request, control);
    const auto started = std::chrono::steady_clock::now();
    const std::string target = describeTarget(request.method, request.url);
    const std::string clientId = request.headers.getOr(RequestIdPolicy::kHeader, "-");
    auto elapsed = [&] {
        return std::to_string(
                   std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()) +
               " ms";
    };
    try {
        HttpResponse response = next(request, control);
        log(sink_, response.ok() ? LogLevel::Debug : LogLevel::Info,
            target + " -> " + std::to_string(response.status) + " in " + elapsed() + " (client request id " + clientId +
                ", x-ms-request-id " + response.headers.getOr("x-ms-request-id", "-") + ")");
        return response;
    } catch (const HttpError& error) {
        log(sink_, LogLevel::Info, target + " failed after " + elapsed() + " (client request id " + clientId + "): " + error.what());
        throw;
    }
}

}  // namespace aifoundry::arm
