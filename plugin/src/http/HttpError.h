// HttpError: the one exception type the http layer, identity/ and arm/ throw.
//
// what() is ONE line a person can act on: operation, HTTP status, Azure error code and message, request id
// and a hint. It never contains a token or a secret. The fields let the job-type layer map the error to a
// Polysync code without parsing text.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace aifoundry::http {

// Why the call failed, aligned with the job-type error codes. Network and Tls are kept apart from
// Unavailable / InvalidSettings so "test connection" can say which it was; map them to Unavailable and
// InvalidSettings respectively where only the coarse code exists.
enum class ErrorReason {
  Authentication,   // 401, Entra sign-in refused, no usable token
  Permission,       // 403 (AuthorizationFailed ...)
  NotFound,         // 404
  RateLimited,      // 429 (retryAfter tells when)
  Unavailable,      // 5xx, service busy
  Network,          // connection refused/reset/closed, DNS failure, malformed or truncated response
  Tls,              // handshake failed, certificate not trusted, host name mismatch
  Timeout,          // the call's deadline or a socket timeout
  Interrupted,      // the host interrupted the call
  Rejected,         // other 4xx: the request was refused as such (400, 409, 413 ...), response too large
  InvalidSettings,  // the settings cannot work (plain HTTP refused, bad certificate, missing value ...)
};

// Whether trying again later can help: Retryable (transient), Config (fix the settings), Permanent.
enum class ErrorKind { Retryable, Config, Permanent };

ErrorKind kindOf(ErrorReason reason);

class HttpError : public std::runtime_error {
 public:
  struct Details {
    ErrorReason reason = ErrorReason::Network;
    int httpStatus = 0;     // 0 when no response was received
    std::string azureCode;  // ARM error.code or Entra error / AADSTS code
    std::string requestId;  // x-ms-request-id (or Entra trace id)
    std::optional<std::chrono::milliseconds> retryAfter;
    // The host name does not exist (the resolver's "no such name", or a reserved .invalid name): no
    // attempt can reach it, so no retry policy tries again (docs/reliability.md, "Retries").
    bool unresolvedHost = false;
    // The credential failed to get a token for the request. Its own token pipeline already spent the
    // call's retry budget on the sign-in, so the request's retry policy does not try again (azure-core
    // likewise never retries a ClientAuthenticationError raised by its bearer-token policy).
    bool signInFailure = false;
  };

  HttpError(const std::string& message, Details details);

  ErrorReason reason() const { return details_.reason; }
  ErrorKind kind() const { return kindOf(details_.reason); }
  int httpStatus() const { return details_.httpStatus; }
  const std::string& azureCode() const { return details_.azureCode; }
  const std::string& requestId() const { return details_.requestId; }
  std::optional<std::chrono::milliseconds> retryAfter() const { return details_.retryAfter; }
  bool unresolvedHost() const { return details_.unresolvedHost; }
  bool signInFailure() const { return details_.signInFailure; }
  const Details& details() const { return details_; }

 private:
  Details details_;
};

// Shorthand for errors that have no HTTP response behind them.
[[noreturn]] void throwError(ErrorReason reason, const std::string& message);

}  // namespace aifoundry::http
