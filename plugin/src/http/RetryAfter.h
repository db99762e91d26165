// RetryAfter: how long the server asked us to wait, from retry-after-ms, x-ms-retry-after-ms (milliseconds),
// or Retry-After (delta seconds or an HTTP date). A value that is negative, fractional or not a number is
// ignored (the next header, else our own backoff, decides); a date in the past means now; anything longer
// than kMaxRetryAfter, however large, is kMaxRetryAfter (never wrapped or read as zero). Pure; thread-safe.
#pragma once

#include <chrono>
#include <optional>

#include "http/HttpHeaders.h"

namespace aifoundry::http {

// The longest delay reported to the caller (and on to the host as retryAfterMs): one hour. A server asking
// for more is told "try again in an hour"; the delay is advice, and an hour keeps a Polysync retry in sight.
inline constexpr std::chrono::milliseconds kMaxRetryAfter{std::chrono::hours(1)};

std::optional<std::chrono::milliseconds> retryAfterFrom(const HttpHeaders& headers);

}  // namespace aifoundry::http
