#include "core/JobTypeError.h"

#include <utility>

namespace aifoundry::core {

JobTypeError::JobTypeError(ErrorCode code, std::string message, std::optional<std::int64_t> retryAfterMs)
    : code_(code), message_(std::move(message)), retryAfterMs_(retryAfterMs) {}

}  // namespace aifoundry::core
