// RetryPolicy: tries a request again after a transient failure, like the Azure SDKs.
//
// - Retried: the statuses in RetryOptions (408, 429, 500, 502, 503, 504 by default) and HttpErrors of
//   reason Network or Timeout (connection failures, resets, truncated or malformed replies, read timeouts)
//   or Unavailable with a 2xx status (a later policy found a 2xx reply unusable, e.g. a token reply without
//   a token).
// - Never retried: other 4xx; a request that is not safe to repeat (PUT/POST/PATCH not marked idempotent);
//   a request whose body was already streamed to the caller; an interrupted call; a host name that does not
//   exist; a credential's failure to get the request's token (its own token pipeline retried the sign-in:
//   one call, one retry budget).
// The decisions themselves are RetryDecision's functions; this policy runs the loop, waits and logs.
// - Delay: retry-after-ms / x-ms-retry-after-ms / Retry-After (seconds or HTTP date) when the server gives
//   one, else exponential backoff with jitter (base * 2^n * [0.8, 1.2], capped). A server delay longer than
//   maxDelay, or any delay that would end past the call's deadline, ends the retries and returns the last
//   reply (its error then carries the Retry-After, at most kMaxRetryAfter, for the caller to reschedule).
// - The request is resent unchanged, so x-ms-client-request-id stays the same (RequestIdPolicy runs first).
// Thread-safe (no mutable state besides the log sink, which must be thread-safe).
#pragma once

#include <chrono>
#include <set>

#include "http/HttpPolicy.h"
#include "http/Log.h"

namespace aifoundry::http {

struct RetryOptions {
  int maxRetries = 3;
  std::chrono::milliseconds baseDelay{800};
  std::chrono::milliseconds maxDelay{60000};
  std::set<int> statuses{408, 429, 500, 502, 503, 504};
  // Managed identity: IMDS answers 410 while it restarts and is back within 70 s, so 410 keeps being
  // retried (beyond maxRetries) until this much time has passed since the first attempt. Zero: off.
  std::chrono::milliseconds goneBudget{0};
};

class RetryPolicy : public HttpPolicy {
 public:
  explicit RetryPolicy(RetryOptions options, LogSink log = {});
  HttpResponse send(HttpRequest& request, const CallControl& control, const Next& next) override;

  // The backoff delay before retry number `attempt` (0-based), jitter included.
  std::chrono::milliseconds backoff(int attempt) const;

 private:
  RetryOptions options_;
  LogSink log_;
};

}  // namespace aifoundry::http
