// RetryAfter: how long the server asked us to wait, from retry-after-ms, x-ms-retry-after-ms, or
// Retry-After (delta seconds or an HTTP date). Pure; thread-safe.
#pragma once

#include <chrono>
#include <optional>

#include "arm/http/HttpHeaders.h"

namespace aifoundry::arm {

std::optional<std::chrono::milliseconds> retryAfterFrom(const HttpHeaders& headers);

}  // namespace aifoundry::arm
