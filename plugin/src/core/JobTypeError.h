// JobTypeError: the one exception type every layer throws to fail a call. The ABI layer turns it into the
// call's return code and ctx->set_error message; anything else that escapes becomes Internal.
//
// The message is one line: what went wrong and what to do, with the remote error code and request id where
// there is one. It is shown to users and logged, so it never contains a secret or a token.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "core/ErrorCode.h"

namespace aifoundry::core {

class JobTypeError : public std::exception {
 public:
  JobTypeError(ErrorCode code, std::string message, std::optional<std::int64_t> retryAfterMs = std::nullopt);

  ErrorCode code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  // For retryable codes: the earliest time, in milliseconds from now, to try again (e.g. HTTP Retry-After).
  std::optional<std::int64_t> retryAfterMs() const noexcept { return retryAfterMs_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  ErrorCode code_;
  std::string message_;
  std::optional<std::int64_t> retryAfterMs_;
};

}  // namespace aifoundry::core
