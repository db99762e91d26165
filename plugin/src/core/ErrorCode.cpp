#include "core/ErrorCode.h"

#include "common/EnumNames.h"

namespace aifoundry::core {
namespace {

constexpr common::EnumName<ErrorCode> kNames[] = {{ErrorCode::RateLimited, "RateLimited"},
                                                  {ErrorCode::Unavailable, "Unavailable"},
                                                  {ErrorCode::Timeout, "Timeout"},
                                                  {ErrorCode::Interrupted, "Interrupted"},
                                                  {ErrorCode::InvalidSettings, "InvalidSettings"},
                                                  {ErrorCode::Authentication, "Authentication"},
                                                  {ErrorCode::Permission, "Permission"},
                                                  {ErrorCode::NotFound, "NotFound"},
                                                  {ErrorCode::InvalidArgument, "InvalidArgument"},
                                                  {ErrorCode::Rejected, "Rejected"},
                                                  {ErrorCode::Unsupported, "Unsupported"},
                                                  {ErrorCode::Internal, "Internal"}};

}  // namespace

ErrorCode errorCodeFromNumber(std::int32_t number) noexcept {
  for (const auto& entry : kNames)
    if (static_cast<std::int32_t>(entry.value) == number) return entry.value;
  return ErrorCode::Internal;
}

const char* errorCodeName(ErrorCode code) noexcept { return common::nameIn(kNames, code, "Internal"); }

}  // namespace aifoundry::core
