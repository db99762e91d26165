#include "http/LoggingPolicy.h"

#include <chrono>

#include "http/HttpError.h"
#include "http/RequestIdPolicy.h"
#include "http/ResponseErrorBuilder.h"

namespace aifoundry::http {

HttpResponse LoggingPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
  // Success (and a status the caller expects, such as a pre-check's 404) is logged at Debug, failure at
  // Info: when neither is wanted nothing is measured or built.
  const bool logSuccess = sink_.enabled(LogLevel::Debug);
  if (!logSuccess && !sink_.enabled(LogLevel::Info)) return next(request, control);
  const auto started = std::chrono::steady_clock::now();
  auto describe = [&](const std::string& outcome) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return describeTarget(request.method, request.url) + outcome + " in " + std::to_string(ms.count()) +
           " ms (client request id " + request.headers.getOr(RequestIdPolicy::kHeader, "-");
  };
  try {
    HttpResponse response = next(request, control);
    const LogLevel level = request.isRoutine(response.status) ? LogLevel::Debug : LogLevel::Info;
    if (sink_.enabled(level))
      log(sink_, level,
          describe(" -> " + std::to_string(response.status)) + ", x-ms-request-id " +
              response.headers.getOr("x-ms-request-id", "-") + ")");
    return response;
  } catch (const HttpError& error) {
    log(sink_, LogLevel::Info, describe(" failed") + "): " + error.what());
    throw;
  }
}

}  // namespace aifoundry::http
