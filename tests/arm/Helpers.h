// Helpers shared by the arm/identity tests: a plain pipeline (no sign-in) with tiny retry delays, and
// options that allow plain HTTP to the in-test server.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "arm/http/HttpError.h"
#include "arm/http/HttpPipeline.h"
#include "arm/http/JsonResponsePolicy.h"
#include "arm/http/Log.h"
#include "arm/http/RequestIdPolicy.h"
#include "arm/http/RetryPolicy.h"
#include "arm/http/StandardHeadersPolicy.h"

namespace armtest {

inline aifoundry::arm::TransportOptions loopbackOptions() {
    aifoundry::arm::TransportOptions options;
    options.allowPlainHttpToLoopback = true;
    options.readTimeout = std::chrono::seconds(10);
    options.connectTimeout = std::chrono::seconds(5);
    return options;
}

inline aifoundry::arm::RetryOptions fastRetry(int maxRetries = 3) {
    aifoundry::arm::RetryOptions retry;
    retry.maxRetries = maxRetries;
    retry.baseDelay = std::chrono::milliseconds(5);
    retry.maxDelay = std::chrono::milliseconds(3000);
    return retry;
}

// Collects log lines (thread-safe) so tests can check nothing secret was logged.
struct LogCapture {
    std::mutex mutex;
    std::vector<std::string> lines;
    aifoundry::arm::LogSink sink() {
        return [this](aifoundry::arm::LogLevel, const std::string& line) {
            std::lock_guard<std::mutex> lock(mutex);
            lines.push_back(line);
        };
    }
    bool contains(const std::string& needle) {
        std::lock_guard<std::mutex> lock(mutex);
        for (const auto& line : lines)
            if (line.find(needle) != std::string::npos) return true;
        return false;
    }
};

inline std::shared_ptr<aifoundry::arm::HttpPipeline> plainPipeline(std::shared_ptr<aifoundry::arm::HttpTransport> transport,
                                                                   aifoundry::arm::RetryOptions retry = fastRetry(),
                                                                   aifoundry::arm::LogSink log = {}) {
    using namespace aifoundry::arm;
    std::vector<std::shared_ptr<HttpPolicy>> policies{
        std::make_shared<RequestIdPolicy>(), std::make_shared<StandardHeadersPolicy>(""),
        std::make_shared<RetryPolicy>(retry, log), std::make_shared<JsonResponsePolicy>()};
    return std::make_shared<HttpPipeline>(std::move(policies), std::move(transport));
}

inline aifoundry::arm::HttpRequest get(const std::string& url) {
    aifoundry::arm::HttpRequest request;
    request.method = "GET";
    request.url = url;
    return request;
}

// The HttpError `call` throws (a test failure when it throws none).
inline aifoundry::arm::HttpError errorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const aifoundry::arm::HttpError& error) {
        return error;
    }
    ADD_FAILURE() << "expected an HttpError";
    return aifoundry::arm::HttpError("none", {});
}

}  // namespace armtest
