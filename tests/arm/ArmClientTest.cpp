// ArmClient: bearer token, 401 -> fresh token once, x-azureml-token, rate-limit budget, error lines.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "Helpers.h"
#include "TestServer.h"
#include "arm/ArmClient.h"
#include "arm/RateLimitPolicy.h"
#include "pipeline_job/ArmClientWiring.h"

using namespace aifoundry;
using namespace aifoundry::arm;
using namespace aifoundry::http;
using namespace armtest;

namespace {

struct Recorded {
  std::mutex mutex;
  std::vector<std::string> authorizations, mlTokens;
};

std::shared_ptr<ArmClient> clientFor(TestServer& server, std::atomic<int>& issued, LogCapture& log) {
  pipeline_job::ArmClientDependencies deps;
  deps.log = log.sink();
  deps.retry = fastRetry();
  deps.hostTokens = [&issued](const std::string& scope, const std::string&) {
    return identity::HostToken{"CANARYTOKEN-" + scope + "-" + std::to_string(++issued),
                               http::systemUnixNow() + 3600};
  };
  return pipeline_job::makeArmClient(
      {{"Resource Manager Endpoint", server.url("")}, {"Allow Plain HTTP To Loopback", "true"}}, deps);
}

}  // namespace

TEST(ArmClient, SendsTheArmTokenAndReadsTheRateLimitBudget) {
  Recorded recorded;
  TestServer server([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    {
      std::lock_guard<std::mutex> lock(recorded.mutex);
      recorded.authorizations.push_back(request.get("Authorization", ""));
    }
    response.set("x-ms-ratelimit-remaining-subscription-reads", "241");
    reply(response, 200, R"({"name":"job"})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  EXPECT_FALSE(client->remainingReads());
  EXPECT_EQ(client->get("/subscriptions/s/jobs/j?api-version=2024-10-01", CallControl()).body,
            R"({"name":"job"})");
  client->get("/subscriptions/s/jobs/j", CallControl());
  EXPECT_EQ(client->remainingReads().value_or(-1), 241);
  EXPECT_EQ(issued.load(), 1);
  ASSERT_EQ(recorded.authorizations.size(), 2u);
  EXPECT_EQ(recorded.authorizations[0], "Bearer CANARYTOKEN-https://management.azure.com/.default-1");
  EXPECT_FALSE(log.contains("CANARYTOKEN"));
}

TEST(ArmClient, A401DropsTheCachedTokenAndRetriesOnce) {
  std::atomic<int> calls{0};
  TestServer server([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    ++calls;
    if (request.get("Authorization", "").find("-1") != std::string::npos)
      return reply(response, 401, R"({"error":{"code":"ExpiredAuthenticationToken","message":"expired"}})");
    reply(response, 200, "{}");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  EXPECT_EQ(client->get("/x", CallControl()).status, 200);
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(issued.load(), 2);
}

TEST(ArmClient, ASecond401IsReportedAsAuthentication) {
  TestServer server([&](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.set("x-ms-request-id", "req-401");
    reply(response, 401,
          R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  ArmRequestOptions options;
  options.operation = "read the workspace";
  auto error = errorOf([&] { client->get("/x", CallControl(), options); });
  EXPECT_EQ(error.reason(), ErrorReason::Authentication);
  EXPECT_EQ(server.requests(), 2);
  const std::string text = error.what();
  EXPECT_NE(text.find("read the workspace: HTTP 401 InvalidAuthenticationToken: The access token is invalid. "
                      "(x-ms-request-id: req-401)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("CANARYTOKEN"), std::string::npos);
}

TEST(ArmClient, AuthorizationFailedSaysContributorIsNeeded) {
  TestServer server([&](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.set("x-ms-request-id", "req-403");
    reply(
        response, 403,
        R"({"error":{"code":"AuthorizationFailed","message":"The client 'x' does not have authorization to perform action 'Microsoft.MachineLearningServices/workspaces/jobs/read'."}})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  auto error = errorOf([&] { client->get("/x", CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Permission);
  EXPECT_EQ(error.httpStatus(), 403);
  EXPECT_EQ(error.azureCode(), "AuthorizationFailed");
  EXPECT_EQ(error.requestId(), "req-403");
  EXPECT_NE(std::string(error.what()).find("the identity needs the Contributor role on the workspace"),
            std::string::npos);
  EXPECT_EQ(server.requests(), 1);
}

TEST(ArmClient, NotFoundAndThrottlingCarryTheirReasonAndRetryAfter) {
  std::atomic<int> calls{0};
  TestServer server([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    ++calls;
    if (request.getURI().find("/missing") == 0)
      return reply(response, 404, R"({"error":{"code":"ResourceNotFound","message":"not found"}})");
    response.set("Retry-After", "120");
    reply(response, 429, R"({"error":{"code":"TooManyRequests","message":"slow down"}})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  auto notFound = errorOf([&] { client->get("/missing", CallControl()); });
  EXPECT_EQ(notFound.reason(), ErrorReason::NotFound);
  EXPECT_NE(std::string(notFound.what()).find("check 'Subscription Id', 'Resource Group Name'"),
            std::string::npos)
      << notFound.what();
  // A missing job is named as such, not blamed on the workspace's names.
  auto noJob = errorOf([&] { client->get("/missing/jobs/gone", CallControl()); });
  EXPECT_NE(std::string(noJob.what()).find("the job does not exist in this workspace"), std::string::npos)
      << noJob.what();
  auto throttled = errorOf([&] { client->get("/busy", CallControl()); });
  EXPECT_EQ(throttled.reason(), ErrorReason::RateLimited);
  EXPECT_EQ(throttled.retryAfter().value_or(std::chrono::milliseconds(0)), std::chrono::milliseconds(120000));
  EXPECT_EQ(calls.load(), 3);  // 120 s is past the retry cap: handed back at once
}

// Two budgets: ARM's remaining reads come from ARM's replies only, and a 429 is booked to the plane that sent
// it (the Resource Manager endpoint, or any other host the token may go to: the data plane).
TEST(ArmClient, EachPlanesThrottlingIsBookedToThatPlane) {
  TestServer server([&](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    response.set("x-ms-ratelimit-remaining-subscription-reads", "3");
    response.set("Retry-After", "120");
    reply(response, 429, R"({"error":{"code":"RequestThrottled","message":"slow down"}})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  // Run History's path: the data plane, even on the Resource Manager endpoint's origin (as in an emulator).
  const std::string dataPlane = server.url("/history/v1.0/runs/r");
  EXPECT_EQ(errorOf([&] { client->get(dataPlane, CallControl()); }).reason(), ErrorReason::RateLimited);
  EXPECT_TRUE(client->lastThrottledMs(Plane::DataPlane));
  EXPECT_FALSE(client->lastThrottledMs(Plane::ResourceManager));
  EXPECT_FALSE(client->remainingReads()) << "a data-plane reply does not speak for ARM's budget";
  EXPECT_EQ(errorOf([&] { client->get("/subscriptions/s/jobs/j", CallControl()); }).reason(),
            ErrorReason::RateLimited);
  EXPECT_TRUE(client->lastThrottledMs(Plane::ResourceManager));
  EXPECT_EQ(client->remainingReads().value_or(-1), 3);
}

TEST(RateLimitPolicy, TellsTheResourceManagerEndpointByOriginNotPrefix) {
  const std::string arm = "https://management.azure.com";
  EXPECT_TRUE(RateLimitPolicy::isResourceManager("https://management.azure.com/subscriptions/s", arm));
  EXPECT_TRUE(RateLimitPolicy::isResourceManager("HTTPS://Management.Azure.com/x", arm + "/"));
  EXPECT_TRUE(RateLimitPolicy::isResourceManager("https://management.azure.com?x=1", arm));
  EXPECT_FALSE(RateLimitPolicy::isResourceManager("https://management.azure.com.evil.example/x", arm));
  EXPECT_FALSE(RateLimitPolicy::isResourceManager("https://management.azure.com:8443/x", arm));
  EXPECT_FALSE(RateLimitPolicy::isResourceManager("https://eastus.api.azureml.ms/history/v1.0/x", arm));
  EXPECT_FALSE(RateLimitPolicy::isResourceManager("https://management.azure.com/history/v1.0/x", arm));
  EXPECT_TRUE(RateLimitPolicy::isResourceManager("https://management.azure.com/historyless", arm));
  EXPECT_FALSE(RateLimitPolicy::isResourceManager("https://management.azure.com/x", ""));
}

TEST(ArmClient, PutCanCarryTheAzureMlToken) {
  Recorded recorded;
  TestServer server([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    {
      std::lock_guard<std::mutex> lock(recorded.mutex);
      recorded.mlTokens.push_back(request.get("x-azureml-token", ""));
    }
    readBody(request);
    reply(response, 201, R"({"name":"run-1"})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  ArmRequestOptions options;
  options.attachAzureMlToken = true;
  options.idempotent = true;
  EXPECT_EQ(
      client->put("/jobs/run-1", common::SecretString(R"({"properties":{}})"), CallControl(), options).status,
      201);
  ASSERT_EQ(recorded.mlTokens.size(), 1u);
  EXPECT_EQ(recorded.mlTokens[0].rfind("CANARYTOKEN-https://ml.azure.com/.default", 0), 0u)
      << recorded.mlTokens[0];
}

TEST(ArmClient, StreamsLargeBodiesToASink) {
  TestServer server([&](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    reply(response, 200, R"({"value":[)" + std::string(100000, ' ') + "]}");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = clientFor(server, issued, log);
  std::size_t received = 0;
  auto response = client->getStreaming(
      "/jobs", [&](const char*, std::size_t n) { received += n; }, CallControl());
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(received, 100000u + 12u);
}

namespace aifoundry::arm {
namespace {

// The host's "enabled?" answer reaches the http layer: lines at levels nobody reads are never built or sent,
// and those that are wanted still arrive.
TEST(ArmClientLog, OnlyLevelsTheHostWantsAreWritten) {
  TestServer server([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    if (request.getURI().find("/missing") == 0)
      return reply(response, 404, R"({"error":{"code":"ResourceNotFound","message":"not found"}})");
    reply(response, 200, "{}");
  });
  std::mutex mutex;
  std::vector<std::pair<LogLevel, std::string>> written;
  std::atomic<int> asked{0};
  pipeline_job::ArmClientDependencies deps;
  deps.retry = fastRetry();
  deps.hostTokens = [](const std::string& scope, const std::string&) {
    return identity::HostToken{"CANARYTOKEN-" + scope, http::systemUnixNow() + 3600};
  };
  deps.log = LogSink(
      [&](LogLevel level, const std::string& line) {
        std::lock_guard<std::mutex> lock(mutex);
        written.emplace_back(level, line);
      },
      [&](LogLevel level) {
        ++asked;
        return level != LogLevel::Debug;
      });
  auto client = pipeline_job::makeArmClient(
      {{"Resource Manager Endpoint", server.url("")}, {"Allow Plain HTTP To Loopback", "true"}}, deps);
  client->get("/jobs/ok", CallControl());
  client->get("/jobs/ok", CallControl());
  EXPECT_GT(asked.load(), 0) << "the sink was never asked";
  {
    std::lock_guard<std::mutex> lock(mutex);
    for (const auto& [level, line] : written) EXPECT_NE(level, LogLevel::Debug) << line;
    for (const auto& [level, line] : written) EXPECT_EQ(line.find("/jobs/ok"), std::string::npos) << line;
  }
  EXPECT_THROW(client->get("/missing/jobs/x", CallControl()), HttpError);
  std::lock_guard<std::mutex> lock(mutex);
  bool failureLogged = false;
  for (const auto& [level, line] : written)
    failureLogged =
        failureLogged || (level == LogLevel::Info && line.find("/missing/jobs/x") != std::string::npos);
  EXPECT_TRUE(failureLogged) << "a failed request is still logged at Info";
}

TEST(ArmClientLog, AStatusTheCallerExpectsIsLoggedAtDebugNotInfo) {
  TestServer server([&](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    reply(response, 404, R"({"error":{"code":"ResourceNotFound","message":"not found"}})");
  });
  std::mutex mutex;
  std::vector<std::pair<LogLevel, std::string>> written;
  pipeline_job::ArmClientDependencies deps;
  deps.retry = fastRetry();
  deps.hostTokens = [](const std::string& scope, const std::string&) {
    return identity::HostToken{"CANARYTOKEN-" + scope, http::systemUnixNow() + 3600};
  };
  deps.log = [&](LogLevel level, const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex);
    written.emplace_back(level, line);
  };
  auto client = pipeline_job::makeArmClient(
      {{"Resource Manager Endpoint", server.url("")}, {"Allow Plain HTTP To Loopback", "true"}}, deps);
  ArmRequestOptions preCheck;
  preCheck.routineStatuses = {404};
  const HttpError error = errorOf([&] { client->get("/jobs/expected-missing", CallControl(), preCheck); });
  EXPECT_EQ(error.reason(), ErrorReason::NotFound) << "still an error for the caller";
  EXPECT_THROW(client->get("/jobs/unexpected-missing", CallControl()), HttpError);
  std::lock_guard<std::mutex> lock(mutex);
  int routineAtDebug = 0, otherAtInfo = 0;
  for (const auto& [level, line] : written) {
    if (line.find("/jobs/expected-missing") != std::string::npos) {
      EXPECT_EQ(level, LogLevel::Debug) << line;
      ++routineAtDebug;
    }
    if (line.find("/jobs/unexpected-missing") != std::string::npos && level == LogLevel::Info) ++otherAtInfo;
  }
  EXPECT_EQ(routineAtDebug, 1);
  EXPECT_EQ(otherAtInfo, 1) << "a 404 nobody announced is still logged at Info";
}

TEST(ArmClientRetries, ASignInTheTokenRequestRetriedIsNotRetriedAgainByTheRequest) {
  // The token endpoint answers 200 without a token: the token request retries it (a transient fault of
  // the service), and the ARM request that needed the token must not repeat that whole sign-in.
  std::atomic<int> tokenRequests{0}, armRequests{0};
  TestServer server([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    readBody(request);
    if (request.getURI().find("/oauth2/v2.0/token") != std::string::npos) {
      ++tokenRequests;
      return reply(response, 200, R"({"token_type":"Bearer"})");
    }
    ++armRequests;
    reply(response, 200, "{}");
  });
  LogCapture log;
  pipeline_job::ArmClientDependencies deps;
  deps.log = log.sink();
  deps.retry = fastRetry(3);
  auto client = pipeline_job::makeArmClient({{"Resource Manager Endpoint", server.url("")},
                                             {"Authority Host", server.url("")},
                                             {"Allow Plain HTTP To Loopback", "true"},
                                             {"Authentication Method", "Service Principal"},
                                             {"Tenant Id", "tenant-1"},
                                             {"Client Id", "client-1"},
                                             {"Client Secret", "CANARY-one-budget"}},
                                            deps);
  const HttpError error = errorOf([&] { client->get("/subscriptions/s/jobs/x", CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Unavailable) << error.what();
  EXPECT_TRUE(error.signInFailure()) << error.what();
  EXPECT_EQ(tokenRequests.load(), 4) << "1 attempt and 3 retries, once: not 4 x 4";
  EXPECT_EQ(armRequests.load(), 0);
}

}  // namespace
}  // namespace aifoundry::arm
