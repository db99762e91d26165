// Scripted faults: each kind, per route, counted; set in-process, by spec string, or through the admin API.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

class FaultTest : public EmulatorTest {
 protected:
  void addFault(const std::string& spec) { emulator->faults().add(Fault::parse(spec)); }
  std::string lastFault(const std::string& route) {
    auto entries = emulator->journal().entries(route);
    return entries.empty() ? "" : entries.back().fault;
  }
};

TEST_F(FaultTest, StatusFaultAnswersTheServiceErrorThenClears) {
  addFault("jobs.get:503,retryAfter=2,count=1");
  auto failed = getJob("train-pipeline-template");
  EXPECT_EQ(failed.status, 503);
  EXPECT_EQ(failed.header("Retry-After"), "2");
  EXPECT_EQ(failed.json()->getObject("error")->getValue<std::string>("code"), "ServiceUnavailable");
  EXPECT_EQ(getJob("train-pipeline-template").status, 200) << "count=1 hits once";
}

TEST_F(FaultTest, EveryGatewayStatusHasItsArmCode) {
  const std::map<int, std::string> codes = {
      {429, "TooManyRequests"}, {500, "InternalServerError"}, {502, "BadGateway"}, {504, "GatewayTimeout"}};
  for (const auto& [status, code] : codes) {
    addFault("jobs.list:" + std::to_string(status));
    auto result = send(*emulator, "GET", jobsPath() + "?api-version=2024-10-01", "", armHeaders());
    EXPECT_EQ(result.status, status);
    EXPECT_EQ(result.json()->getObject("error")->getValue<std::string>("code"), code);
  }
}

TEST_F(FaultTest, RetryAfterAsHttpDate) {
  addFault("jobs.get:429,retryAfter=http-date+5,retryAfterMs=1500");
  auto result = getJob("train-pipeline-template");
  EXPECT_EQ(result.status, 429);
  EXPECT_NE(result.header("Retry-After").find("GMT"), std::string::npos);
  EXPECT_EQ(result.header("retry-after-ms"), "1500");
}

TEST_F(FaultTest, ForeverFaultKeepsHitting) {
  addFault("*:500,count=-1");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(getJob("train-pipeline-template").status, 500);
  emulator->faults().clear();
  EXPECT_EQ(getJob("train-pipeline-template").status, 200);
}

TEST_F(FaultTest, TokenEndpointOutage) {
  addFault("token:503,count=2");
  const std::string form =
      "grant_type=client_credentials&client_id=aaaaaaaa-0000-4000-8000-000000000001"
      "&client_secret=demo-client-secret&scope=https%3A%2F%2Fmanagement.azure.com%2F.default";
  const std::string path = "/" + emulator->options().tenant + "/oauth2/v2.0/token";
  auto failed = send(*emulator, "POST", path, form, {}, "application/x-www-form-urlencoded");
  EXPECT_EQ(failed.status, 503);
  EXPECT_EQ(failed.json()->getValue<std::string>("error"), "temporarily_unavailable");
  EXPECT_EQ(send(*emulator, "POST", path, form, {}, "application/x-www-form-urlencoded").status, 503);
  EXPECT_EQ(send(*emulator, "POST", path, form, {}, "application/x-www-form-urlencoded").status, 200);
}

TEST_F(FaultTest, ResetBeforeHeadersKillsTheConnection) {
  addFault("jobs.get:reset-before-headers");
  EXPECT_ANY_THROW(getJob("train-pipeline-template"));
  EXPECT_EQ(lastFault("jobs.get"), "reset-before-headers");
  EXPECT_EQ(emulator->journal().entries("jobs.get").back().status, 0);
  EXPECT_EQ(getJob("train-pipeline-template").status, 200) << "the server carries on";
}

TEST_F(FaultTest, ResetAfterHeadersSendsHeadersThenDies) {
  addFault("jobs.get:reset-after-headers");
  try {
    auto result = getJob("train-pipeline-template");
    EXPECT_EQ(result.status, 200);
    EXPECT_GT(std::stoul(result.header("Content-Length")), 0u);
    EXPECT_TRUE(result.body.empty()) << "headers arrived, the body never did";
  } catch (const Poco::Exception&) {
    SUCCEED() << "the client noticed the dead connection";
  }
}

TEST_F(FaultTest, TruncatedBodyEndsEarly) {
  addFault("jobs.get:truncated-body");
  bool broken = false;
  try {
    auto result = getJob("train-pipeline-template");
    broken = result.body.size() < 1000 || result.body.back() != '}';
  } catch (const Poco::Exception&) {
    broken = true;
  }
  EXPECT_TRUE(broken);
}

TEST_F(FaultTest, MalformedJsonIs200WithBrokenJson) {
  addFault("jobs.get:malformed-json");
  auto result = getJob("train-pipeline-template");
  EXPECT_EQ(result.status, 200);
  EXPECT_NE(result.contentType.find("application/json"), std::string::npos);
  EXPECT_NE(result.body.back(), '}');
}

TEST_F(FaultTest, WrongContentTypeIsAnHtmlPage) {
  addFault("workspace:wrong-content-type");
  auto result =
      send(*emulator, "GET", emulator->workspaceArmId() + "?api-version=2024-10-01", "", armHeaders());
  EXPECT_EQ(result.status, 200);
  EXPECT_NE(result.contentType.find("text/html"), std::string::npos);
}

TEST_F(FaultTest, TrickleDeliversTheWholeBodySlowly) {
  emulator->faults().add(
      Fault::fromJson(R"({"route":"discovery","kind":"trickle","delayMs":1,"chunkBytes":64})"));
  auto result = send(*emulator, "GET", "/discovery");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.json()->getValue<std::string>("api"), emulator->baseUrl());
}

TEST_F(FaultTest, OversizedBodyIsHugeButValidJson) {
  emulator->faults().add(
      Fault::fromJson(R"({"route":"jobs.list","kind":"oversized-body","sizeBytes":3000000})"));
  auto result = send(*emulator, "GET", jobsPath() + "?api-version=2024-10-01", "", armHeaders());
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body.size(), 3000000u);
  EXPECT_TRUE(result.json()->has("value"));
}

TEST_F(FaultTest, PutAppliedResponseLostCreatesTheJobAnyway) {
  addFault("jobs.put:put-applied-response-lost");
  const std::string body = runBodyFrom("batch-score-template");
  EXPECT_ANY_THROW(putJob("lost-response", body));
  EXPECT_TRUE(emulator->workspace().exists("lost-response")) << "the PUT was applied";
  auto retry = putJob("lost-response", body);
  EXPECT_EQ(retry.status, 200) << "a retry of the same body finds the job: exactly once";
}

TEST_F(FaultTest, FaultsOnOtherRoutesDoNotInterfere) {
  addFault("jobs.put:500");
  EXPECT_EQ(getJob("train-pipeline-template").status, 200);
  EXPECT_EQ(emulator->faults().list().size(), 1u);
}

TEST_F(FaultTest, BadSpecsAreExplained) {
  EXPECT_THROW(Fault::parse("jobs.get"), std::invalid_argument);
  EXPECT_THROW(Fault::parse("nowhere:503"), std::invalid_argument);
  EXPECT_THROW(Fault::parse("jobs.get:melt"), std::invalid_argument);
  EXPECT_THROW(Fault::parse("jobs.get:503,colour=red"), std::invalid_argument);
  EXPECT_THROW(Fault::parse("jobs.get:200"), std::invalid_argument);
  auto fault = Fault::parse("history.children:trickle,delayMs=5,chunkBytes=3,count=4");
  EXPECT_EQ(fault.kind, FaultKind::Trickle);
  EXPECT_EQ(fault.delayMs, 5);
  EXPECT_EQ(fault.chunkBytes, 3u);
  EXPECT_EQ(fault.count, 4);
}

TEST_F(FaultTest, AdminApiControlsFaultsJournalAndStats) {
  auto added = send(*emulator, "POST", "/_admin/faults",
                    R"({"route":"jobs.get","kind":"status","status":503,"retryAfter":"2","count":1})");
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(send(*emulator, "GET", "/_admin/faults").body.find("\"jobs.get\"") != std::string::npos, true);
  EXPECT_EQ(getJob("train-pipeline-template").status, 503);
  EXPECT_EQ(send(*emulator, "POST", "/_admin/faults", R"({"route":"jobs.get","kind":"explode"})").status,
            400);
  send(*emulator, "POST", "/_admin/faults", R"({"route":"*","status":500,"count":-1})");
  EXPECT_EQ(send(*emulator, "DELETE", "/_admin/faults").status, 200);
  EXPECT_EQ(getJob("train-pipeline-template").status, 200);

  auto journal = send(*emulator, "GET", "/_admin/journal?route=jobs.get");
  EXPECT_NE(journal.body.find("\"Bearer ***\""), std::string::npos);
  EXPECT_EQ(journal.body.find(armToken()), std::string::npos) << "no token in the journal";
  EXPECT_EQ(send(*emulator, "DELETE", "/_admin/journal").status, 200);
  EXPECT_EQ(emulator->journal().size(), 0u);

  auto minted =
      send(*emulator, "POST", "/_admin/tokens", R"({"audience":"https://management.azure.com"})").json();
  auto viaAdmin = send(*emulator, "GET", jobUrl("train-pipeline-template"), "",
                       {{"Authorization", "Bearer " + minted->getValue<std::string>("access_token")}});
  EXPECT_EQ(viaAdmin.status, 200);

  EXPECT_EQ(send(*emulator, "POST", "/_admin/clients", R"({"clientId":"admin-app","secret":"pw"})").status,
            200);
  auto token = send(*emulator, "POST", "/" + emulator->options().tenant + "/oauth2/v2.0/token",
                    "grant_type=client_credentials&client_id=admin-app&client_secret=pw&scope=https%3A%2F%"
                    "2Fml.azure.com%2F.default",
                    {}, "application/x-www-form-urlencoded");
  EXPECT_EQ(token.status, 200);

  auto stats = send(*emulator, "GET", "/_admin/stats").json();
  EXPECT_EQ(stats->getObject("tokensIssued")->getValue<int>("admin-app"), 1);
  EXPECT_GE(stats->getObject("requests")->getValue<int>("jobs.get"), 3);
  EXPECT_GE(stats->getValue<int>("connectionsAccepted"), 1);
  EXPECT_EQ(send(*emulator, "GET", "/_admin/jobs").json()->getValue<int>("count"), 3);
  EXPECT_EQ(
      send(*emulator, "POST", "/_admin/jobs/generate", R"({"count":10})").json()->getValue<int>("count"), 13);
  EXPECT_EQ(
      send(*emulator, "POST", "/_admin/jobs/train-pipeline-template/status", R"({"status":"Paused"})").status,
      200);
  EXPECT_EQ(emulator->workspace().status("train-pipeline-template"), "Paused");
}

TEST_F(FaultTest, UnknownPathsAre404) {
  EXPECT_EQ(send(*emulator, "GET", "/nothing/here").status, 404);
  EXPECT_EQ(send(*emulator, "DELETE", jobUrl("train-pipeline-template"), "", armHeaders()).status, 405);
}

}  // namespace
}  // namespace azureml_emulator::testing
