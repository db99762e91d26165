// ErrorCode: why a call failed, in the same numbers as the ABI's PSJ_E_* codes (plugin/src/abi/ checks that
// they agree), so every layer can say "rate limited" or "invalid settings" without seeing a C struct.
//
// The bands carry meaning an older host relies on: 1..99 retry later, 100..199 fix the configuration,
// 200..299 permanent. Add codes only inside the right band.
#pragma once

#include <cstdint>

namespace aifoundry::core {

enum class ErrorCode : std::int32_t {
  RateLimited = 1,        // the service throttled us; retry after JobTypeError::retryAfterMs()
  Unavailable = 2,        // network failure or 5xx
  Timeout = 3,            // the call's deadline passed
  Interrupted = 4,        // the host interrupted the call
  InvalidSettings = 100,  // a connection setting is missing or malformed (name it, never its value)
  Authentication = 101,   // sign-in failed
  Permission = 102,       // signed in but not allowed
  NotFound = 200,         // the job, template or run does not exist
  InvalidArgument = 201,  // a parameter, attribute or run id is invalid
  Rejected = 202,         // the remote service refused the request
  Unsupported = 203,      // this job type does not implement the call
  Internal = 299,         // a bug or an unexpected condition
};

// The code for a number received from a peer; a number outside the known set becomes Internal, as the ABI
// requires for codes a newer peer may add.
ErrorCode errorCodeFromNumber(std::int32_t number) noexcept;

// A short stable name for logs and messages, e.g. "InvalidSettings".
const char* errorCodeName(ErrorCode code) noexcept;

inline bool isRetryable(ErrorCode code) noexcept {
  return static_cast<std::int32_t>(code) >= 1 && static_cast<std::int32_t>(code) <= 99;
}

}  // namespace aifoundry::core
