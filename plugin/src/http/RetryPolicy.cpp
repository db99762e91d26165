#include "http/RetryPolicy.h"

#include <algorithm>
#include <optional>
#include <random>

#include "http/HttpError.h"
#include "http/ResponseErrorBuilder.h"
#include "http/RetryDecision.h"

namespace aifoundry::http {

namespace {

double jitter() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.8, 1.2)(generator);
}

}  // namespace

RetryPolicy::RetryPolicy(RetryOptions options, LogSink log)
    : options_(std::move(options)), log_(std::move(log)) {}

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const {
  const double exponential =
      static_cast<double>(options_.baseDelay.count()) * static_cast<double>(1LL << std::min(attempt, 20));
  const double capped = std::min(exponential * jitter(), static_cast<double>(options_.maxDelay.count()));
  return std::chrono::milliseconds(static_cast<long long>(capped));
}

HttpResponse RetryPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
  const auto started = std::chrono::steady_clock::now();
  std::size_t delivered = 0;
  auto userSink = request.bodySink;
  if (userSink)
    request.bodySink = [&delivered, userSink](const char* data, std::size_t size) {
      delivered += size;
      userSink(data, size);
    };

  for (int attempt = 0;; ++attempt) {
    std::optional<HttpError> failure;
    HttpResponse response;
    try {
      response = next(request, control);
    } catch (const HttpError& error) {
      if (!shouldRetryOnError(error, control)) throw;
      failure = error;
    }
    if (!failure && !shouldRetryOnResponse(response, options_)) return response;

    auto giveUp = [&]() -> HttpResponse {
      if (failure) throw *failure;
      return response;
    };
    const HttpResponse* reply = failure ? nullptr : &response;
    if (!isSafeToRepeat(request) || delivered > 0 ||
        !attemptsLeft(attempt, reply, options_, std::chrono::steady_clock::now() - started))
      return giveUp();
    const auto delay = retryDelay(reply, backoff(attempt), options_, control);
    if (!delay) return giveUp();

    log(log_, LogLevel::Info,
        operationOf(request) + ": " +
            (failure ? std::string(failure->what()) : "HTTP " + std::to_string(response.status)) +
            "; retry " + std::to_string(attempt + 1) + " in " + std::to_string(delay->count()) + " ms");
    if (!control.sleepFor(*delay)) {
      if (control.isInterrupted())
        throwError(ErrorReason::Interrupted, operationOf(request) + ": interrupted while waiting to retry");
      return giveUp();
    }
  }
}

}  // namespace aifoundry::http
