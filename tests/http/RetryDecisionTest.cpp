// The retry decisions apart from the RetryPolicy loop: which failures and statuses are tried again, how many
// times, and how long the wait before the next attempt is.
#include <gtest/gtest.h>

#include <chrono>

#include "http/HttpError.h"
#include "http/RetryDecision.h"
#include "http/RetryPolicy.h"

using namespace aifoundry::http;
using namespace std::chrono_literals;

namespace {

HttpError errorOf(ErrorReason reason, int status = 0) {
  HttpError::Details details;
  details.reason = reason;
  details.httpStatus = status;
  return HttpError("GET https://example.test/x: failed", details);
}

HttpResponse replyOf(int status) {
  HttpResponse response;
  response.status = status;
  return response;
}

TEST(RetryDecision, NetworkFailuresAndTimeoutsAreRetried) {
  const CallControl control;
  EXPECT_TRUE(shouldRetryOnError(errorOf(ErrorReason::Network), control));
  EXPECT_TRUE(shouldRetryOnError(errorOf(ErrorReason::Timeout), control));
}

TEST(RetryDecision, AnUnusableSuccessIsRetriedButAThrownServiceErrorIsNot) {
  const CallControl control;
  EXPECT_TRUE(shouldRetryOnError(errorOf(ErrorReason::Unavailable, 200), control));
  EXPECT_FALSE(shouldRetryOnError(errorOf(ErrorReason::Unavailable, 503), control));
}

TEST(RetryDecision, RefusalsAndSettingErrorsAreNotRetried) {
  const CallControl control;
  for (ErrorReason reason :
       {ErrorReason::Authentication, ErrorReason::Permission, ErrorReason::NotFound, ErrorReason::Rejected,
        ErrorReason::Tls, ErrorReason::InvalidSettings, ErrorReason::Interrupted})
    EXPECT_FALSE(shouldRetryOnError(errorOf(reason), control)) << "reason " << static_cast<int>(reason);
}

TEST(RetryDecision, AHostNameThatDoesNotExistIsNotRetried) {
  HttpError::Details details = errorOf(ErrorReason::Network).details();
  details.unresolvedHost = true;
  EXPECT_FALSE(shouldRetryOnError(HttpError("cannot resolve host 'x.invalid'", details), CallControl()));
}

TEST(RetryDecision, ASignInFailureIsLeftToTheCredentialsOwnRetries) {
  HttpError::Details details = errorOf(ErrorReason::Network).details();
  details.signInFailure = true;
  EXPECT_FALSE(shouldRetryOnError(HttpError("sign in: connection refused", details), CallControl()));
  details.reason = ErrorReason::Timeout;
  EXPECT_FALSE(shouldRetryOnError(HttpError("sign in: no reply", details), CallControl()));
}

TEST(RetryDecision, NothingIsRetriedOnceTheCallIsInterruptedOrPastItsDeadline) {
  CallControl interrupted;
  interrupted.interrupted = [] { return true; };
  EXPECT_FALSE(shouldRetryOnError(errorOf(ErrorReason::Network), interrupted));
  CallControl expired;
  expired.deadline = CallControl::Clock::now() - 1s;
  EXPECT_FALSE(shouldRetryOnError(errorOf(ErrorReason::Timeout), expired));
}

TEST(RetryDecision, OnlyTheConfiguredStatusesAreRetried) {
  RetryOptions options;
  for (int status : {408, 429, 500, 502, 503, 504})
    EXPECT_TRUE(shouldRetryOnResponse(replyOf(status), options)) << status;
  for (int status : {200, 201, 400, 401, 403, 404, 409, 410, 501})
    EXPECT_FALSE(shouldRetryOnResponse(replyOf(status), options)) << status;
  options.statuses = {410};
  EXPECT_TRUE(shouldRetryOnResponse(replyOf(410), options));
  EXPECT_FALSE(shouldRetryOnResponse(replyOf(503), options));
}

TEST(RetryDecision, AttemptsEndAfterMaxRetries) {
  RetryOptions options;
  options.maxRetries = 2;
  const HttpResponse busy = replyOf(503);
  EXPECT_TRUE(attemptsLeft(0, &busy, options, 0s));
  EXPECT_TRUE(attemptsLeft(1, nullptr, options, 0s));
  EXPECT_FALSE(attemptsLeft(2, &busy, options, 0s));
  EXPECT_FALSE(attemptsLeft(2, nullptr, options, 0s));
}

TEST(RetryDecision, GoneKeepsBeingRetriedWithinItsBudgetOnly) {
  RetryOptions options;
  options.maxRetries = 1;
  options.goneBudget = 70s;
  const HttpResponse gone = replyOf(410);
  const HttpResponse busy = replyOf(503);
  EXPECT_TRUE(attemptsLeft(5, &gone, options, 10s));
  EXPECT_FALSE(attemptsLeft(5, &gone, options, 71s));
  EXPECT_FALSE(attemptsLeft(5, &busy, options, 10s)) << "the budget is for 410 only";
  EXPECT_FALSE(attemptsLeft(5, nullptr, options, 10s));
  options.goneBudget = 0ms;
  EXPECT_FALSE(attemptsLeft(5, &gone, options, 10s)) << "no budget: 410 counts like any status";
}

TEST(RetryDecision, TheServersDelayWinsOverTheBackoff) {
  const RetryOptions options;
  HttpResponse busy = replyOf(503);
  EXPECT_EQ(retryDelay(&busy, 800ms, options, CallControl()),
            std::optional<std::chrono::milliseconds>(800ms));
  busy.headers.set("Retry-After", "2");
  EXPECT_EQ(retryDelay(&busy, 800ms, options, CallControl()),
            std::optional<std::chrono::milliseconds>(2000ms));
  busy.headers.set("retry-after-ms", "150");
  EXPECT_EQ(retryDelay(&busy, 800ms, options, CallControl()),
            std::optional<std::chrono::milliseconds>(150ms));
  EXPECT_EQ(retryDelay(nullptr, 800ms, options, CallControl()),
            std::optional<std::chrono::milliseconds>(800ms))
      << "after a failure without a reply: the backoff";
}

TEST(RetryDecision, AServerDelayPastMaxDelayEndsTheRetries) {
  RetryOptions options;
  options.maxDelay = 10s;
  HttpResponse throttled = replyOf(429);
  throttled.headers.set("Retry-After", "11");
  EXPECT_FALSE(retryDelay(&throttled, 800ms, options, CallControl()).has_value());
  throttled.headers.set("Retry-After", "10");
  EXPECT_TRUE(retryDelay(&throttled, 800ms, options, CallControl()).has_value());
}

TEST(RetryDecision, AWaitThatWouldOutlastTheDeadlineEndsTheRetries) {
  const RetryOptions options;
  const CallControl shortCall = CallControl::withTimeout(1s);
  EXPECT_FALSE(retryDelay(nullptr, 5s, options, shortCall).has_value());
  const CallControl longCall = CallControl::withTimeout(1h);
  EXPECT_EQ(retryDelay(nullptr, 5s, options, longCall), std::optional<std::chrono::milliseconds>(5s));
}

}  // namespace
