// Run History against a server that names other hosts (docs/reliability.md, "Hostile server"): the discovery
// document is read without a token, a lying `api` host or a children page's nextLink gets no token, and the
// poll's detail is simply left out with a warning that names the refused host.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "RecordingHost.h"
#include "TestServer.h"
#include "pipeline_job/ConnectionSettings.h"
#include "pipeline_job/RunHistoryReader.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job::testing {
namespace {

using Request = Poco::Net::HTTPServerRequest;
using Response = Poco::Net::HTTPServerResponse;

constexpr const char* kHostToken = "CANARY-host-token-for-run-history";

// ARM, the discovery document and Run History in one loopback server; `api` is what discovery names and
// `nextLink` what the children page names.
struct LyingWorkspace {
  std::string api;
  std::string nextLink;
  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> seen;  // path, Authorization
  armtest::TestServer server{[this](Request& request, Response& response) {
    const std::string path = request.getURI().substr(0, request.getURI().find('?'));
    {
      std::lock_guard<std::mutex> lock(mutex);
      seen.emplace_back(path, request.get("Authorization", ""));
    }
    if (path == "/discovery") return armtest::reply(response, 200, R"({"api":")" + api + R"("})");
    if (path.find("/history/v1.0/") == 0 && path.find("/children") != std::string::npos)
      return armtest::reply(response, 200,
                            R"({"value":[{"runId":"step-1","name":"step","status":"Running"}],"nextLink":")" +
                                nextLink + R"("})");
    armtest::reply(response, 200,
                   R"({"name":"ws","properties":{"discoveryUrl":")" + server.url("/discovery") + R"("}})");
  }};

  std::vector<std::pair<std::string, std::string>> requests() {
    std::lock_guard<std::mutex> lock(mutex);
    return seen;
  }
};

std::shared_ptr<WorkspaceConnection> connectionTo(LyingWorkspace& azure, const RecordingHost& host) {
  std::vector<core::Setting> settings;
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"Subscription Id", "00000000-1111-2222-3333-444444444444"},
           {"Resource Group Name", "rg"},
           {"Workspace Name", "ws-hostile"},
           {"Resource Manager Endpoint", azure.server.url("")},
           {"Allow Plain HTTP To Loopback", "true"}}) {
    settings.push_back(core::Setting{key, common::SecretString(value), false});
  }
  return std::make_shared<WorkspaceConnection>(ConnectionSettings::parse(settings), host,
                                               PipelineJobOptions{});
}

bool loggedWarning(const RecordingHost& host, const std::string& needle) {
  for (const auto& line : host.lines())
    if (line.rfind(std::to_string(static_cast<int>(core::LogLevel::Warn)) + " ", 0) == 0 &&
        line.find(needle) != std::string::npos)
      return true;
  return false;
}

TEST(HostileRunHistory, ALyingApiHostGetsNoTokenAndTheDiscoveryDocumentNone) {
  LyingWorkspace azure;
  azure.api = "https://eastus.api.azureml.ms.attacker.test";
  RecordingHost host([](const std::string&) { return std::string(kHostToken); });
  RunHistoryReader reader(connectionTo(azure, host));
  EXPECT_FALSE(reader.run("run-1", http::CallControl()));
  const auto seen = azure.requests();
  ASSERT_EQ(seen.size(), 2u) << "the workspace and the discovery document, nothing else";
  EXPECT_EQ(seen[0].second, std::string("Bearer ") + kHostToken);
  EXPECT_EQ(seen[1].first, "/discovery");
  EXPECT_EQ(seen[1].second, "") << "the discovery document is read without a token";
  EXPECT_TRUE(
      loggedWarning(host, "refusing to send the access token to 'eastus.api.azureml.ms.attacker.test'"))
      << host.allText();
  EXPECT_EQ(host.allText().find(kHostToken), std::string::npos);
}

// The host is judged once, when discovered: one that is no http(s) endpoint fails discovery, so no poll
// builds a URL on it and the next polls do not read the workspace again until rediscovery is due.
TEST(HostileRunHistory, AnApiHostThatIsNoEndpointFailsDiscoveryOnce) {
  for (const std::string api : {"ftp://eastus.api.azureml.ms", "https://east us.api.azureml.ms", ""}) {
    LyingWorkspace azure;
    azure.api = api;
    RecordingHost host([](const std::string&) { return std::string(kHostToken); });
    RunHistoryReader reader(connectionTo(azure, host));
    EXPECT_FALSE(reader.run("run-1", http::CallControl())) << api;
    EXPECT_FALSE(reader.children("run-1", http::CallControl())) << api;
    EXPECT_FALSE(reader.run("run-2", http::CallControl())) << api;
    const auto seen = azure.requests();
    ASSERT_EQ(seen.size(), 2u) << api << ": the workspace and the discovery document, once";
    EXPECT_EQ(seen[1].first, "/discovery");
  }
}

TEST(HostileRunHistory, AChildrenNextLinkToAnotherHostIsNotFollowed) {
  LyingWorkspace azure;
  azure.api = azure.server.url("");
  azure.nextLink = "https://attacker.test/history/v1.0/page-2";
  RecordingHost host([](const std::string&) { return std::string(kHostToken); });
  RunHistoryReader reader(connectionTo(azure, host));
  EXPECT_FALSE(reader.firstFailedStep("run-1", http::CallControl()));
  const auto seen = azure.requests();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_NE(seen[2].first.find("/runs/run-1/children"), std::string::npos) << seen[2].first;
  EXPECT_EQ(seen[2].second, std::string("Bearer ") + kHostToken);
  EXPECT_TRUE(loggedWarning(host, "refusing to send the access token to 'attacker.test'")) << host.allText();
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
