#include "core/ErrorCode.h"

namespace aifoundry::core {

ErrorCode errorCodeFromNumber(std::int32_t number) noexcept {
  switch (number) {
    case 1:
      return ErrorCode::RateLimited;
    case 2:
      return ErrorCode::Unavailable;
    case 3:
      return ErrorCode::Timeout;
    case 4:
      return ErrorCode::Interrupted;
    case 100:
      return ErrorCode::InvalidSettings;
    case 101:
      return ErrorCode::Authentication;
    case 102:
      return ErrorCode::Permission;
    case 200:
      return ErrorCode::NotFound;
    case 201:
      return ErrorCode::InvalidArgument;
    case 202:
      return ErrorCode::Rejected;
    case 203:
      return ErrorCode::Unsupported;
    default:
      return ErrorCode::Internal;
  }
}

const char* errorCodeName(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::RateLimited:
      return "RateLimited";
    case ErrorCode::Unavailable:
      return "Unavailable";
    case ErrorCode::Timeout:
      return "Timeout";
    case ErrorCode::Interrupted:
      return "Interrupted";
    case ErrorCode::InvalidSettings:
      return "InvalidSettings";
    case ErrorCode::Authentication:
      return "Authentication";
    case ErrorCode::Permission:
      return "Permission";
    case ErrorCode::NotFound:
      return "NotFound";
    case ErrorCode::InvalidArgument:
      return "InvalidArgument";
    case ErrorCode::Rejected:
      return "Rejected";
    case ErrorCode::Unsupported:
      return "Unsupported";
    case ErrorCode::Internal:
      return "Internal";
  }
  return "Internal";
}

}  // namespace aifoundry::core
