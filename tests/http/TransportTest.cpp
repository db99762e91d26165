// The transport: endpoint refusals, headers, pool reuse, stale connections, limits, gzip, deadline,
// interrupt.
#include <Poco/DeflatingStream.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "Helpers.h"
#include "TestServer.h"
#include "http/HttpError.h"
#include "http/HttpTransport.h"

using namespace aifoundry::http;
using namespace armtest;

namespace {

void okJson(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
  reply(response, 200, R"({"ok":true})");
}

}  // namespace

TEST(Transport, RefusesPlainHttpToANonLoopbackHost) {
  auto transport = std::make_shared<HttpTransport>(loopbackOptions());
  auto error = errorOf([&] { transport->send(get("http://example.com/x"), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings);
  EXPECT_NE(std::string(error.what()).find("only to loopback"), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos);
}

TEST(Transport, RefusesPlainHttpToLoopbackUnlessTheSettingAllowsIt) {
  TestServer server(okJson);
  auto transport = std::make_shared<HttpTransport>(TransportOptions{});
  auto error = errorOf([&] { transport->send(get(server.url("/x")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings);
  EXPECT_NE(std::string(error.what()).find("Allow Plain HTTP To Loopback"), std::string::npos)
      << error.what();
  EXPECT_EQ(server.connectionsAccepted(), 0);
}

namespace {

// "polysync-aifoundry-pipeline/X.Y.Z Poco/X.Y.Z (...)"
bool isVersion(const std::string& text) {
  int dots = 0;
  for (char c : text) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 2 && text.front() != '.' && text.back() != '.' && text.find("..") == std::string::npos;
}
bool looksLikeUserAgent(const std::string& ua) {
  const std::string product = "polysync-aifoundry-pipeline/";
  if (ua.rfind(product, 0) != 0) return false;
  const auto space = ua.find(' ', product.size());
  if (space == std::string::npos || !isVersion(ua.substr(product.size(), space - product.size())))
    return false;
  const std::string poco = "Poco/";
  if (ua.compare(space + 1, poco.size(), poco) != 0) return false;
  const auto start = space + 1 + poco.size();
  const auto paren = ua.find(" (", start);
  return paren != std::string::npos && isVersion(ua.substr(start, paren - start)) && ua.back() == ')' &&
         ua.size() > paren + 3;
}
bool isLowerCaseGuid(const std::string& id) {
  if (id.size() != 36) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f')))
      return false;
  }
  return true;
}

}  // namespace

TEST(Transport, SendsStandardHeadersAndOneGuidRequestId) {
  std::mutex mutex;
  std::string userAgent, requestId, accept;
  TestServer server([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      userAgent = request.get("User-Agent", "");
      requestId = request.get("x-ms-client-request-id", "");
      accept = request.get("Accept", "");
    }
    okJson(request, response);
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  auto response = pipeline->send(get(server.url("/x")), CallControl());
  EXPECT_EQ(response.status, 200);
  // Checked by hand, not std::regex: GCC 12 at -O2 (asan preset) warns inside <regex>
  // (-Wmaybe-uninitialized).
  EXPECT_TRUE(looksLikeUserAgent(userAgent)) << userAgent;
  EXPECT_TRUE(isLowerCaseGuid(requestId)) << requestId;
  EXPECT_EQ(accept, "application/json");
}

TEST(Transport, ReusesOneKeepAliveConnectionForSequentialCalls) {
  TestServer server(okJson);
  auto transport = std::make_shared<HttpTransport>(loopbackOptions());
  for (int i = 0; i < 40; ++i) EXPECT_EQ(transport->send(get(server.url("/x")), CallControl()).status, 200);
  EXPECT_EQ(server.connectionsAccepted(), 1);
}

TEST(TransportConcurrency, NeverOpensMoreConnectionsThanThePoolSizeUnderConcurrency) {
  TestServer server([](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    okJson(request, response);
  });
  auto options = loopbackOptions();
  options.maxConnectionsPerHost = 3;
  auto transport = std::make_shared<HttpTransport>(options);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 15; ++i)
        if (transport->send(get(server.url("/x")), CallControl()).status == 200) ++ok;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 8 * 15);
  EXPECT_LE(server.connectionsAccepted(), 3);
}

TEST(TransportConcurrency, ReplacesAPooledConnectionTheServerClosedWithoutFailingTheRequest) {
  TestServer server(okJson, /*keepAliveMillis=*/50);
  auto transport = std::make_shared<HttpTransport>(loopbackOptions());
  EXPECT_EQ(transport->send(get(server.url("/x")), CallControl()).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server drops the idle connection
  EXPECT_EQ(transport->send(get(server.url("/x")), CallControl()).status, 200);
  EXPECT_EQ(server.connectionsAccepted(), 2);
}

TEST(Transport, RefusesABodyLargerThanTheLimit) {
  TestServer server([](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    reply(response, 200, "[" + std::string(200000, ' ') + "]");
  });
  auto options = loopbackOptions();
  options.maxResponseBytes = 64 * 1024;
  auto transport = std::make_shared<HttpTransport>(options);
  auto error = errorOf([&] { transport->send(get(server.url("/big")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Rejected);
  EXPECT_NE(std::string(error.what()).find("limit"), std::string::npos) << error.what();
}

TEST(Transport, RefusesAChunkedBodyPastTheLimitWhileReading) {
  TestServer server([](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.setChunkedTransferEncoding(true);
    response.setContentType("application/json");
    auto& out = response.send();
    const std::string piece(8192, ' ');
    for (int i = 0; i < 64 && out.good(); ++i) out << piece;
  });
  auto options = loopbackOptions();
  options.maxResponseBytes = 64 * 1024;
  auto transport = std::make_shared<HttpTransport>(options);
  auto error = errorOf([&] { transport->send(get(server.url("/big")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Rejected);
}

TEST(Transport, DecodesGzipBodies) {
  TestServer server([](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    const bool accepts = request.get("Accept-Encoding", "").find("gzip") != std::string::npos;
    std::ostringstream compressed;
    {
      Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_GZIP);
      deflate << R"({"value":"zipped"})";
      deflate.close();
    }
    response.set("Content-Encoding", "gzip");
    reply(response, accepts ? 200 : 406, compressed.str());
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  auto response = pipeline->send(get(server.url("/z")), CallControl());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"value":"zipped"})");
}

TEST(Transport, ReportsATruncatedBodyAsARetryableNetworkError) {
  TestServer server([](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    response.setContentLength(100);
    response.setContentType("application/json");
    response.send() << std::string(50, ' ') << std::flush;
    dropConnection(request);
  });
  auto transport = std::make_shared<HttpTransport>(loopbackOptions());
  auto error = errorOf([&] { transport->send(get(server.url("/t")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_EQ(error.kind(), ErrorKind::Retryable);
}

TEST(Transport, StopsAtTheCallDeadline) {
  TestServer server([](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    okJson(request, response);
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  const auto started = std::chrono::steady_clock::now();
  auto error = errorOf([&] {
    pipeline->send(get(server.url("/slow")), CallControl::withTimeout(std::chrono::milliseconds(200)));
  });
  EXPECT_EQ(error.reason(), ErrorReason::Timeout) << error.what();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(TransportConcurrency, InterruptFromAnotherThreadAbortsABlockedCallPromptly) {
  TestServer server([](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    okJson(request, response);
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  CallControl control;
  std::thread interrupter([scope = control.scope] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    scope->abort();
  });
  const auto started = std::chrono::steady_clock::now();
  auto error = errorOf([&] { pipeline->send(get(server.url("/slow")), control); });
  interrupter.join();
  EXPECT_EQ(error.reason(), ErrorReason::Interrupted) << error.what();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

TEST(TransportConcurrency, InterruptProbeStopsRetrySleeps) {
  TestServer server([](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.set("Retry-After", "2");
    reply(response, 503, R"({"error":{"code":"ServiceUnavailable","message":"busy"}})");
  });
  auto pipeline = plainPipeline(std::make_shared<HttpTransport>(loopbackOptions()));
  CallControl control;
  const auto started = std::chrono::steady_clock::now();
  control.interrupted = [started] {
    return std::chrono::steady_clock::now() - started > std::chrono::milliseconds(150);
  };
  auto error = errorOf([&] { pipeline->send(get(server.url("/busy")), control); });
  EXPECT_EQ(error.reason(), ErrorReason::Interrupted);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}
