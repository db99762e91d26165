#include "http/RetryDecision.h"

#include "http/RetryAfter.h"
#include "http/RetryPolicy.h"

namespace aifoundry::http {

bool shouldRetryOnError(const HttpError& error, const CallControl& control) {
  if (control.isInterrupted() || control.expired()) return false;
  if (error.unresolvedHost() || error.signInFailure()) return false;
  // Unavailable with a 2xx status is thrown by a later policy that found a 2xx reply unusable (a token reply
  // without a token): the service's transient fault, like a 503. Any other thrown Unavailable (a token
  // endpoint's 503, already retried by the token pipeline) is not retried again here.
  const bool unusableSuccess =
      error.reason() == ErrorReason::Unavailable && error.httpStatus() >= 200 && error.httpStatus() < 300;
  return error.reason() == ErrorReason::Network || error.reason() == ErrorReason::Timeout || unusableSuccess;
}

bool shouldRetryOnResponse(const HttpResponse& response, const RetryOptions& options) {
  return options.statuses.count(response.status) > 0;
}

bool attemptsLeft(int attempt, const HttpResponse* response, const RetryOptions& options,
                  std::chrono::steady_clock::duration sinceFirstAttempt) {
  if (attempt < options.maxRetries) return true;
  // Managed identity's IMDS answers 410 while it restarts: that keeps being retried for a while.
  return response != nullptr && response->status == 410 && options.goneBudget.count() > 0 &&
         sinceFirstAttempt < options.goneBudget;
}

std::optional<std::chrono::milliseconds> retryDelay(const HttpResponse* response,
                                                    std::chrono::milliseconds backoff,
                                                    const RetryOptions& options, const CallControl& control) {
  std::chrono::milliseconds delay = backoff;
  if (response != nullptr) {
    if (auto asked = retryAfterFrom(response->headers)) {
      if (*asked > options.maxDelay) return std::nullopt;  // too long to wait inside one call
      delay = *asked;
    }
  }
  if (auto left = control.remaining(); left && delay >= *left) return std::nullopt;
  return delay;
}

}  // namespace aifoundry::http
