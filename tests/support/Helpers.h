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

#include "http/HttpError.h"
#include "http/HttpPipeline.h"
#include "http/JsonResponsePolicy.h"
#include "http/Log.h"
#include "http/RequestIdPolicy.h"
#include "http/RetryPolicy.h"
#include "http/StandardHeadersPolicy.h"

namespace armtest {

inline aifoundry::http::TransportOptions loopbackOptions() {
  aifoundry::http::TransportOptions options;
  options.allowPlainHttpToLoopback = true;
  options.readTimeout = std::chrono::seconds(10);
  options.connectTimeout = std::chrono::seconds(5);
  return options;
}

inline aifoundry::http::RetryOptions fastRetry(int maxRetries = 3) {
  aifoundry::http::RetryOptions retry;
  retry.maxRetries = maxRetries;
  retry.baseDelay = std::chrono::milliseconds(5);
  retry.maxDelay = std::chrono::milliseconds(3000);
  return retry;
}

// Collects log lines (thread-safe) so tests can check nothing secret was logged.
struct LogCapture {
  std::mutex mutex;
  std::vector<std::string> lines;
  aifoundry::http::LogSink sink() {
    return [this](aifoundry::http::LogLevel, const std::string& line) {
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

inline std::shared_ptr<aifoundry::http::HttpPipeline> plainPipeline(
    std::shared_ptr<aifoundry::http::HttpTransport> transport,
    aifoundry::http::RetryOptions retry = fastRetry(), aifoundry::http::LogSink log = {}) {
  using namespace aifoundry::http;
  std::vector<std::shared_ptr<HttpPolicy>> policies{
      std::make_shared<RequestIdPolicy>(), std::make_shared<StandardHeadersPolicy>(""),
      std::make_shared<RetryPolicy>(retry, log), std::make_shared<JsonResponsePolicy>()};
  return std::make_shared<HttpPipeline>(std::move(policies), std::move(transport));
}

inline aifoundry::http::HttpRequest get(const std::string& url) {
  aifoundry::http::HttpRequest request;
  request.method = "GET";
  request.url = url;
  return request;
}

// The HttpError `call` throws (a test failure when it throws none).
inline aifoundry::http::HttpError errorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const aifoundry::http::HttpError& error) {
    return error;
  }
  ADD_FAILURE() << "expected an HttpError";
  return aifoundry::http::HttpError("none", {});
}

}  // namespace armtest
