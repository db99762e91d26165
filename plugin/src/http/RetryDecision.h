// RetryDecision: whether and when RetryPolicy tries a request again, apart from its loop (as azure-core's
// ShouldRetryOnTransportFailure / ShouldRetryOnResponse and Python's is_retry), so each rule can be read and
// tested alone. Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>

#include "http/CallControl.h"
#include "http/HttpError.h"
#include "http/HttpMessage.h"

namespace aifoundry::http {

struct RetryOptions;

// A failure to get a usable reply is worth another attempt when it is a network failure or a timeout, or a
// 2xx reply a later policy found unusable (a token reply without a token). Never when the call was
// interrupted or its deadline passed, when the host name does not exist, or when a credential failed to get
// the request's token (the credential's own pipeline already spent the retries on it).
bool shouldRetryOnError(const HttpError& error, const CallControl& control);

// A reply whose status is one of RetryOptions::statuses (408, 429, 500, 502, 503, 504 by default).
bool shouldRetryOnResponse(const HttpResponse& response, const RetryOptions& options);

// Whether attempt number `attempt` (0-based) may be followed by another: while retries are left, or, for a
// 410 reply (`response`; null after a failure), while RetryOptions::goneBudget since the first attempt lasts.
bool attemptsLeft(int attempt, const HttpResponse* response, const RetryOptions& options,
                  std::chrono::steady_clock::duration sinceFirstAttempt);

// The wait before the next attempt: the server's delay when the reply (`response`; null after a failure)
// gives one, else `backoff`. Nothing, i.e. give up, when the server's delay exceeds RetryOptions::maxDelay or
// the wait would not end before the call's deadline.
std::optional<std::chrono::milliseconds> retryDelay(const HttpResponse* response,
                                                    std::chrono::milliseconds backoff,
                                                    const RetryOptions& options, const CallControl& control);

}  // namespace aifoundry::http
