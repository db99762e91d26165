#include "http/RetryPolicy.h"

#include <algorithm>
#include <optional>
#include <random>

#include "http/HttpError.h"
#include "http/ResponseErrorBuilder.h"
#include "http/RetryAfter.h"

namespace aifoundry::http {

namespace {

double jitter() {
    thread_local std::mt19937 generator{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.8, 1.2)(generator);
}

bool retryableError(const HttpError& error, const CallControl& control) {
    if (control.isInterrupted() || control.expired()) return false;
    // Unavailable with a 2xx status is thrown by a later policy that found a 2xx reply unusable (a token reply
    // without a token): the service's transient fault, like a 503. Any other thrown Unavailable (a token
    // endpoint's 503, already retried by the token pipeline) is not retried again here.
    const bool unusableSuccess =
        error.reason() == ErrorReason::Unavailable && error.httpStatus() >= 200 && error.httpStatus() < 300;
    return error.reason() == ErrorReason::Network || error.reason() == ErrorReason::Timeout || unusableSuccess;
}

}  // namespace

RetryPolicy::RetryPolicy(RetryOptions options, LogSink log) : options_(std::move(options)), log_(std::move(log)) {}

std::chrono::milliseconds RetryPolicy::backoff(int attempt) const {
    const double exponential = static_cast<double>(options_.baseDelay.count()) * static_cast<double>(1LL << std::min(attempt, 20));
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
            if (!retryableError(error, control)) throw;
            failure = error;
        }
        if (!failure && !options_.statuses.count(response.status)) return response;

        auto giveUp = [&]() -> HttpResponse {
            if (failure) throw *failure;
            return response;
        };
        const bool gone = !failure && response.status == 410 && options_.goneBudget.count() > 0 &&
                          std::chrono::steady_clock::now() - started < options_.goneBudget;
        if (!isSafeToRepeat(request) || delivered > 0 || (attempt >= options_.maxRetries && !gone)) return giveUp();

        auto delay = backoff(attempt);
        if (!failure) {
            if (auto asked = retryAfterFrom(response.headers)) {
                if (*asked > options_.maxDelay) return giveUp();  // too long to wait inside one call
                delay = *asked;
            }
        }
        if (auto left = control.remaining(); left && delay >= *left) return giveUp();

        log(log_, LogLevel::Info,
            operationOf(request) + ": " + (failure ? std::string(failure->what()) : "HTTP " + std::to_string(response.status)) +
                "; retry " + std::to_string(attempt + 1) + " in " + std::to_string(delay.count()) + " ms");
        if (!control.sleepFor(delay)) {
            if (control.isInterrupted()) throwError(ErrorReason::Interrupted, operationOf(request) + ": interrupted while waiting to retry");
            return giveUp();
        }
    }
}

}  // namespace aifoundry::http
