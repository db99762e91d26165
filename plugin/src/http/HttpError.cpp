#include "http/HttpError.h"

#include "http/HttpMessage.h"

namespace aifoundry::http {

const char* toString(ErrorReason reason) {
  switch (reason) {
    case ErrorReason::Authentication:
      return "Authentication";
    case ErrorReason::Permission:
      return "Permission";
    case ErrorReason::NotFound:
      return "NotFound";
    case ErrorReason::RateLimited:
      return "RateLimited";
    case ErrorReason::Unavailable:
      return "Unavailable";
    case ErrorReason::Network:
      return "Network";
    case ErrorReason::Tls:
      return "Tls";
    case ErrorReason::Timeout:
      return "Timeout";
    case ErrorReason::Interrupted:
      return "Interrupted";
    case ErrorReason::Rejected:
      return "Rejected";
    case ErrorReason::InvalidSettings:
      return "InvalidSettings";
  }
  return "Unknown";
}

ErrorKind kindOf(ErrorReason reason) {
  switch (reason) {
    case ErrorReason::RateLimited:
    case ErrorReason::Unavailable:
    case ErrorReason::Network:
    case ErrorReason::Timeout:
    case ErrorReason::Interrupted:
      return ErrorKind::Retryable;
    case ErrorReason::Tls:
    case ErrorReason::InvalidSettings:
      return ErrorKind::Config;
    default:
      return ErrorKind::Permanent;
  }
}

HttpError::HttpError(const std::string& message, Details details)
    : std::runtime_error(message), details_(std::move(details)) {}

void throwError(ErrorReason reason, const std::string& message) {
  HttpError::Details details;
  details.reason = reason;
  throw HttpError(message, details);
}

bool isSafeToRepeat(const HttpRequest& request) {
  const auto& m = request.method;
  return request.idempotent || m == "GET" || m == "HEAD" || m == "DELETE" || m == "OPTIONS";
}

}  // namespace aifoundry::http
