#include "http/HttpError.h"

#include "common/EnumNames.h"

namespace aifoundry::http {

namespace {

constexpr common::EnumName<ErrorReason> kReasonNames[] = {{ErrorReason::Authentication, "Authentication"},
                                                          {ErrorReason::Permission, "Permission"},
                                                          {ErrorReason::NotFound, "NotFound"},
                                                          {ErrorReason::RateLimited, "RateLimited"},
                                                          {ErrorReason::Unavailable, "Unavailable"},
                                                          {ErrorReason::Network, "Network"},
                                                          {ErrorReason::Tls, "Tls"},
                                                          {ErrorReason::Timeout, "Timeout"},
                                                          {ErrorReason::Interrupted, "Interrupted"},
                                                          {ErrorReason::Rejected, "Rejected"},
                                                          {ErrorReason::InvalidSettings, "InvalidSettings"}};

}  // namespace

const char* toString(ErrorReason reason) { return common::nameIn(kReasonNames, reason, "Unknown"); }

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
