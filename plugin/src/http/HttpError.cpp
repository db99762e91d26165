#include "http/HttpError.h"

namespace aifoundry::http {

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

}  // namespace aifoundry::http
