// polysync-host-stub with the real plugin against a server that quotes the access token back in its error
// body (docs/reliability.md, "Hostile server"): an opaque token, from client-secret sign-in or from the host,
// reaches neither stdout, stderr nor the --json document.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "HostProcess.h"
#include "TestServer.h"

namespace {

using host_test::HostResult;
using host_test::runHost;

constexpr const char* kOpaqueToken = "opaque7d1e9b2c-issued-token-not-a-jwt";

// Entra that issues kOpaqueToken, and ARM that refuses whatever token it gets by quoting it back.
struct EchoingAzure {
  armtest::TestServer server{[](Poco::Net::HTTPServerRequest& request,
                                Poco::Net::HTTPServerResponse& response) {
    armtest::readBody(request);
    if (request.getURI().find("/oauth2/v2.0/token") != std::string::npos)
      return armtest::reply(
          response, 200,
          std::string(R"({"token_type":"Bearer","expires_in":3599,"access_token":")") + kOpaqueToken + "\"}");
    const std::string quoted = request.get("Authorization", "").substr(7);  // after "Bearer "
    armtest::reply(response, 401,
                   R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token ')" + quoted +
                       R"(' is invalid."}})");
  }};

  std::string platform(const std::string& signIn) const {
    return R"({"Subscription Id":"00000000-1111-2222-3333-444444444444","Resource Group Name":"rg",)"
           R"("Workspace Name":"ws-hostile","Allow Plain HTTP To Loopback":"true","Resource Manager Endpoint":")" +
           server.url("") + R"(","Authority Host":")" + server.url("") + "\"" + signIn + "}";
  }
};

class HostileTokenEchoCli : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {}
  // test-connection, with and without --json, at debug log level; both outputs of each.
  std::vector<HostResult> testConnection(const std::string& platformFile, const std::string& tokenFile) {
    std::vector<HostResult> results;
    for (const bool json : {true, false}) {
      std::vector<std::string> args{"--plugin-dir", REAL_PLUGIN_DIR, "--platform",
                                    platformFile,   "--log-level",   "debug"};
      if (json) args.push_back("--json");
      if (!tokenFile.empty()) args.insert(args.end(), {"--host-token-file", tokenFile});
      args.insert(args.end(), {"test-connection", "--job-type", "AI Foundry Pipeline Job"});
      results.push_back(runHost(args));
    }
    return results;
  }
};

TEST_P(HostileTokenEchoCli, AnOpaqueTokenQuotedInAnErrorIsNeverPrinted) {
  EchoingAzure azure;
  const bool hostToken = GetParam();
  const std::string platform = host_test::writeTempFile(
      hostToken ? "echo-host.json" : "echo-secret.json",
      azure.platform(hostToken ? std::string()
                               : R"(,"Authentication Method":"Service Principal","Tenant Id":"tenant-1",)"
                                 R"("Client Id":"client-1","Client Secret":"CANARY-client-secret")"));
  const std::string tokenFile =
      hostToken ? host_test::writeTempFile("echo-token.txt", kOpaqueToken) : std::string();
  for (const HostResult& r : testConnection(platform, tokenFile)) {
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    EXPECT_EQ(r.out.find(kOpaqueToken), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find(kOpaqueToken), std::string::npos) << r.err;
    EXPECT_EQ((r.out + r.err).find("CANARY-client-secret"), std::string::npos);
    // The server did quote it, and the quote was redacted (the error line carries Azure's message).
    EXPECT_NE((r.out + r.err).find("redacted>' is invalid"), std::string::npos) << r.out << r.err;
  }
}

INSTANTIATE_TEST_SUITE_P(SignIn, HostileTokenEchoCli, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& param) {
                           return param.param ? "HostToken" : "ClientSecret";
                         });

}  // namespace
