#include "ArmError.h"

#include "Ids.h"
#include "JsonText.h"
#include "TimeText.h"

namespace azureml_emulator {

std::string armErrorBody(const std::string& code, const std::string& message, const std::string& target) {
  std::string body = "{\"error\":{\"code\":" + json::quote(code) + ",\"message\":" + json::quote(message);
  if (!target.empty()) body += ",\"target\":" + json::quote(target);
  body += ",\"details\":[],\"additionalInfo\":[]}}";
  return body;
}

Reply armError(int status, const std::string& code, const std::string& message, const std::string& target) {
  return Reply::json(status, armErrorBody(code, message, target));
}

std::string aadErrorBody(const std::string& error, int aadstsCode, const std::string& description) {
  const std::string traceId = ids::newGuid();
  const std::string correlationId = ids::newGuid();
  const std::string timestamp = timetext::iso8601(timetext::nowMillis());
  std::string full = "AADSTS" + std::to_string(aadstsCode) + ": " + description + " Trace ID: " + traceId +
                     " Correlation ID: " + correlationId + " Timestamp: " + timestamp;
  return "{\"error\":" + json::quote(error) + ",\"error_description\":" + json::quote(full) +
         ",\"error_codes\":[" + std::to_string(aadstsCode) + "],\"timestamp\":" + json::quote(timestamp) +
         ",\"trace_id\":" + json::quote(traceId) + ",\"correlation_id\":" + json::quote(correlationId) + "}";
}

Reply aadError(int status, const std::string& error, int aadstsCode, const std::string& description) {
  return Reply::json(status, aadErrorBody(error, aadstsCode, description));
}

static bool isIdentityRoute(const std::string& route) {
  return route == "token" || route == "imds" || route == "appservice";
}

Reply faultStatusReply(const std::string& route, int status) {
  if (isIdentityRoute(route)) {
    if (status == 429 || status >= 500)
      return aadError(status, "temporarily_unavailable", 50196,
                      "The server is temporarily unavailable or too busy. Retry the request later.");
    return aadError(status, "invalid_request", 90000, "The request was refused by a scripted fault.");
  }
  switch (status) {
    case 429:
      return armError(429, "TooManyRequests",
                      "The request is being throttled as the limit has been reached for operation type. "
                      "Retry after the time in the Retry-After header.");
    case 500:
      return armError(500, "InternalServerError", "Encountered internal server error. Please try again.");
    case 502:
      return armError(502, "BadGateway",
                      "The gateway did not receive a valid response from the resource provider.");
    case 503:
      return armError(503, "ServiceUnavailable",
                      "The resource provider 'Microsoft.MachineLearningServices' is temporarily unavailable. "
                      "Please try again later.");
    case 504:
      return armError(
          504, "GatewayTimeout",
          "The gateway did not receive a response from 'Microsoft.MachineLearningServices' within the "
          "specified time period.");
    default:
      return armError(status, "ScriptedFault",
                      "The emulator answered " + std::to_string(status) +
                          " because a fault was scripted for route '" + route + "'.");
  }
}

}  // namespace azureml_emulator
