// The retry policy: what is retried, how long it waits, and what is never retried.
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>

#include "Helpers.h"
#include "TestServer.h"
#include "http/HttpError.h"

using namespace aifoundry::http;
using namespace armtest;

namespace {

// Fails the first `failures` requests with `fail`, then answers 200; records the request ids seen.
struct ScriptedServer {
  std::atomic<int> calls{0};
  std::mutex mutex;
  std::vector<std::string> requestIds;
  int failures;
  std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)> fail;
  TestServer server;

  ScriptedServer(int f,
                 std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)> failWith)
      : failures(f),
        fail(std::move(failWith)),
        server([this](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
          {
            std::lock_guard<std::mutex> lock(mutex);
            requestIds.push_back(request.get("x-ms-client-request-id", ""));
          }
          readBody(request);
          if (calls++ < failures) return fail(request, response);
          reply(response, 200, R"({"ok":true})");
        }) {}
};

std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)> status(
    int code, std::string retryAfter = "") {
  return [code, retryAfter](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    if (!retryAfter.empty()) response.set("Retry-After", retryAfter);
    reply(response, code, R"({"error":{"code":"Code)" + std::to_string(code) + R"(","message":"scripted"}})");
  };
}

HttpRequest request(const std::string& method, const std::string& url, bool idempotent = false) {
  HttpRequest r = get(url);
  r.method = method;
  r.body = aifoundry::common::SecretString(method == "GET" ? "" : "{}");
  r.idempotent = idempotent;
  return r;
}

std::vector<long> retryDelays(LogCapture& log) {
  std::vector<long> delays;
  // "retry N in D ms", found by hand (std::regex trips GCC 12's -Wmaybe-uninitialized at -O2).
  std::lock_guard<std::mutex> lock(log.mutex);
  for (const auto& line : log.lines) {
    const auto retry = line.find("retry ");
    if (retry == std::string::npos) continue;
    const auto in = line.find(" in ", retry);
    const auto ms = in == std::string::npos ? in : line.find(" ms", in);
    if (ms == std::string::npos) continue;
    const std::string number = line.substr(in + 4, ms - in - 4);
    if (!number.empty() && number.find_first_not_of("0123456789") == std::string::npos)
      delays.push_back(std::stol(number));
  }
  return delays;
}

}  // namespace

class RetriedStatus : public ::testing::TestWithParam<int> {};

TEST_P(RetriedStatus, IsRetriedWithTheSameClientRequestId) {
  ScriptedServer s(2, status(GetParam()));
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 200);
  EXPECT_EQ(s.calls.load(), 3);
  ASSERT_EQ(s.requestIds.size(), 3u);
  EXPECT_FALSE(s.requestIds[0].empty());
  EXPECT_EQ(std::set<std::string>(s.requestIds.begin(), s.requestIds.end()).size(), 1u);
}
INSTANTIATE_TEST_SUITE_P(Retry, RetriedStatus, ::testing::Values(408, 429, 500, 502, 503, 504));

class NotRetriedStatus : public ::testing::TestWithParam<int> {};

TEST_P(NotRetriedStatus, IsReturnedAfterOneAttempt) {
  ScriptedServer s(5, status(GetParam()));
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, GetParam());
  EXPECT_EQ(s.calls.load(), 1);
}
INSTANTIATE_TEST_SUITE_P(Retry, NotRetriedStatus, ::testing::Values(400, 401, 403, 404, 409, 413));

TEST(Retry, GivesUpAfterMaxRetriesAndReturnsTheLastReply) {
  ScriptedServer s(100, status(503));
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()), fastRetry(3));
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 503);
  EXPECT_EQ(s.calls.load(), 4);
}

TEST(Retry, HonoursRetryAfterSeconds) {
  ScriptedServer s(1, status(429, "1"));
  LogCapture log;
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()), fastRetry(), log.sink());
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 200);
  EXPECT_EQ(retryDelays(log), std::vector<long>{1000});
}

TEST(Retry, HonoursRetryAfterAsAnHttpDate) {
  const std::string date = Poco::DateTimeFormatter::format(Poco::Timestamp() + 3 * Poco::Timespan::SECONDS,
                                                           Poco::DateTimeFormat::HTTP_FORMAT);
  ScriptedServer s(1, status(429, date));
  LogCapture log;
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()), fastRetry(), log.sink());
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 200);
  auto delays = retryDelays(log);
  ASSERT_EQ(delays.size(), 1u);
  EXPECT_GT(delays[0], 0);  // whole seconds in the date: between 2 and 3 s from now, less the reply's lag
  EXPECT_LE(delays[0], 3000);
}

TEST(Retry, HonoursRetryAfterMilliseconds) {
  ScriptedServer s(1, [](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.set("x-ms-retry-after-ms", "30");
    response.set("Retry-After", "5");
    reply(response, 503, "{}");
  });
  LogCapture log;
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()), fastRetry(), log.sink());
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 200);
  EXPECT_EQ(retryDelays(log), std::vector<long>{30});
}

// The plain `retry-after-ms` (Azure SDK's first choice) wins over Retry-After, and over
// x-ms-retry-after-ms when both are present.
TEST(Retry, HonoursPlainRetryAfterMilliseconds) {
  ScriptedServer s(1, [](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.set("retry-after-ms", "25");
    response.set("Retry-After", "5");
    reply(response, 429, "{}");
  });
  LogCapture log;
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()), fastRetry(), log.sink());
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 200);
  EXPECT_EQ(retryDelays(log), std::vector<long>{25});

  ScriptedServer both(1, [](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.set("retry-after-ms", "15");
    response.set("x-ms-retry-after-ms", "40");
    reply(response, 503, "{}");
  });
  LogCapture bothLog;
  pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()), fastRetry(), bothLog.sink());
  EXPECT_EQ(pipeline->send(get(both.server.url("/r")), CallControl()).status, 200);
  EXPECT_EQ(retryDelays(bothLog), std::vector<long>{15});
}

TEST(Retry, DoesNotWaitPastTheCallDeadline) {
  ScriptedServer s(1, status(429, "30"));
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  auto retry = fastRetry();
  retry.maxDelay = std::chrono::seconds(60);
  pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()), retry);
  const auto started = std::chrono::steady_clock::now();
  auto response = pipeline->send(get(s.server.url("/r")), CallControl::withTimeout(std::chrono::seconds(5)));
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(s.calls.load(), 1);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(Retry, PutIsNotRetriedUnlessMarkedIdempotent) {
  ScriptedServer plain(1, status(503));
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  EXPECT_EQ(pipeline->send(request("PUT", plain.server.url("/jobs/a")), CallControl()).status, 503);
  EXPECT_EQ(plain.calls.load(), 1);

  ScriptedServer marked(1, status(503));
  EXPECT_EQ(pipeline->send(request("PUT", marked.server.url("/jobs/a"), true), CallControl()).status, 200);
  EXPECT_EQ(marked.calls.load(), 2);
}

TEST(Retry, RetriesAConnectionResetBeforeTheHeaders) {
  ScriptedServer s(1, [](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse&) {
    dropConnection(request);
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 200);
  EXPECT_EQ(s.calls.load(), 2);
}

TEST(Retry, RetriesATruncatedBody) {
  ScriptedServer s(1, [](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    response.setContentLength(100);
    response.send() << std::string(10, ' ') << std::flush;
    dropConnection(request);
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  EXPECT_EQ(pipeline->send(get(s.server.url("/r")), CallControl()).status, 200);
  EXPECT_EQ(s.calls.load(), 2);
}

TEST(Retry, RetriesMalformedJsonAndWrongContentType) {
  ScriptedServer malformed(1, [](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    reply(response, 200, R"({"value": [ {"name": )");
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  EXPECT_EQ(pipeline->send(get(malformed.server.url("/r")), CallControl()).body, R"({"ok":true})");
  EXPECT_EQ(malformed.calls.load(), 2);

  ScriptedServer html(1, [](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    reply(response, 200, "<html>proxy</html>", "text/html");
  });
  EXPECT_EQ(pipeline->send(get(html.server.url("/r")), CallControl()).body, R"({"ok":true})");
  EXPECT_EQ(html.calls.load(), 2);
}

TEST(Retry, BackoffGrowsAndStaysUnderTheCap) {
  RetryOptions options;
  options.baseDelay = std::chrono::milliseconds(800);
  options.maxDelay = std::chrono::milliseconds(60000);
  RetryPolicy policy(options);
  for (int attempt = 0; attempt < 4; ++attempt) {
    const auto delay = policy.backoff(attempt).count();
    const double nominal = 800.0 * (1 << attempt);
    EXPECT_GE(delay, static_cast<long>(nominal * 0.8) - 1);
    EXPECT_LE(delay, static_cast<long>(nominal * 1.2) + 1);
  }
  EXPECT_LE(policy.backoff(30).count(), 60000);
}
