// Test connectivity: sign in, read the workspace, and say plainly which outcome it is.
#include "PipelineJobFixture.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

class TestConnectionTest : public PipelineJobTest {};

TEST_F(TestConnectionTest, GoodCredentialsSayAllGood) {
  const std::string message = testConnection();
  EXPECT_EQ(message.rfind("all good", 0), 0u) << message;
  EXPECT_NE(message.find(emulator->options().workspace), std::string::npos);
  // On the wire: one client-credentials sign-in for the ARM scope, then one GET of the workspace.
  const auto tokens = journal("token");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_NE(tokens[0].body.find("grant_type=client_credentials"), std::string::npos);
  EXPECT_NE(tokens[0].body.find("management.azure.com"), std::string::npos);
  const auto reads = journal("workspace");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].method, "GET");
  EXPECT_EQ(reads[0].path, emulator->workspaceArmId());
  EXPECT_NE(reads[0].query.find("api-version=2024-10-01"), std::string::npos);
  EXPECT_EQ(reads[0].principal, kClientId);
  EXPECT_EQ(host->allText().find(kClientSecret), std::string::npos) << "the secret reached the log";
}

TEST_F(TestConnectionTest, BadSecretSaysBadCredentials) {
  auto wrong = connect({{std::string(common::settings::kClientSecret), "wrong-secret"}});
  const auto error = expectError([&] { testConnection(wrong.get()); });
  EXPECT_EQ(error.code(), core::ErrorCode::Authentication);
  EXPECT_EQ(error.message().rfind("bad credentials", 0), 0u) << error.message();
  EXPECT_EQ(error.message().find("wrong-secret"), std::string::npos);
  EXPECT_EQ(count("workspace"), 0u) << "no ARM call without a token";
}

TEST_F(TestConnectionTest, NoPermissionSaysContributorIsNeeded) {
  emulator->registerClientSecret(emulator->options().tenant, "0f0e0d0c-0000-4000-8000-0000000000a0",
                                 "other-secret", "None");
  auto unprivileged =
      connect({{std::string(common::settings::kClientId), "0f0e0d0c-0000-4000-8000-0000000000a0"},
               {std::string(common::settings::kClientSecret), "other-secret"}});
  const auto error = expectError([&] { testConnection(unprivileged.get()); });
  EXPECT_EQ(error.code(), core::ErrorCode::Permission);
  EXPECT_EQ(error.message().rfind("no permission", 0), 0u) << error.message();
  EXPECT_NE(error.message().find("Contributor"), std::string::npos);
  EXPECT_NE(error.message().find("AuthorizationFailed"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("x-ms-request-id"), std::string::npos) << error.message();
  ASSERT_EQ(count("workspace"), 1u);
  EXPECT_EQ(journal("workspace")[0].status, 403);
}

TEST_F(TestConnectionTest, UnknownWorkspaceSaysNotFound) {
  auto elsewhere = connect({{std::string(common::settings::kWorkspaceName), "no-such-workspace"}});
  const auto error = expectError([&] { testConnection(elsewhere.get()); });
  EXPECT_EQ(error.code(), core::ErrorCode::NotFound);
  EXPECT_EQ(error.message().rfind("workspace not found", 0), 0u) << error.message();
  ASSERT_EQ(count("workspace"), 1u);
  EXPECT_EQ(journal("workspace")[0].status, 404);
}

TEST_F(TestConnectionTest, UntrustedCertificateSaysTlsFailure) {
  auto untrusted = connect(
      {{std::string(common::settings::kCaBundlePath), ""}});  // the system store lacks the emulator's CA
  const auto error = expectError([&] { testConnection(untrusted.get()); });
  EXPECT_EQ(error.message().rfind("TLS failure", 0), 0u) << error.message();
  EXPECT_EQ(count("workspace"), 0u);
}

TEST_F(TestConnectionTest, NothingListeningSaysNetworkFailure) {
  const std::string closed = "https://127.0.0.1:1";
  auto nowhere = connect({{std::string(common::settings::kResourceManagerEndpoint), closed},
                          {std::string(common::settings::kAuthorityHost), closed}});
  const auto error = expectError([&] { testConnection(nowhere.get()); });
  EXPECT_EQ(error.code(), core::ErrorCode::Unavailable);
  EXPECT_EQ(error.message().rfind("network failure", 0), 0u) << error.message();
}

TEST_F(TestConnectionTest, PolysyncServicePrincipalUsesTheHostsToken) {
  RecordingHost hostWithIdentity([this](const std::string& scope) {
    return emulator->mintToken(scope.substr(0, scope.find("/.default")));
  });
  core::ManualCallContext createCtx(hostWithIdentity, std::chrono::seconds(30));
  auto viaHost = jobType->create(settings({{std::string(common::settings::kAuthenticationMethod),
                                            std::string(common::settings::kPolysyncServicePrincipal)},
                                           {std::string(common::settings::kClientId), ""},
                                           {std::string(common::settings::kClientSecret), ""}}),
                                 createCtx);
  core::ManualCallContext ctx(hostWithIdentity, std::chrono::seconds(30));
  const std::string message = viaHost->testConnection(ctx);
  EXPECT_EQ(message.rfind("all good", 0), 0u) << message;
  EXPECT_EQ(count("token"), 0u) << "the host's identity needs no sign-in of ours";
  ASSERT_FALSE(hostWithIdentity.scopesAsked().empty());
  EXPECT_EQ(hostWithIdentity.scopesAsked()[0], "https://management.azure.com/.default");
  EXPECT_EQ(count("workspace"), 1u);
}

TEST_F(TestConnectionTest, AHostWithoutATokenLeadsWithThatCauseNotWithBadCredentials) {
  RecordingHost hostWithoutToken([](const std::string&) -> std::string {
    throw core::JobTypeError(core::ErrorCode::Authentication,
                             "the host has no token of its own: set POLYSYNC_HOST_TOKEN");
  });
  core::ManualCallContext createCtx(hostWithoutToken, std::chrono::seconds(30));
  auto viaHost = jobType->create(settings({{std::string(common::settings::kAuthenticationMethod),
                                            std::string(common::settings::kPolysyncServicePrincipal)},
                                           {std::string(common::settings::kClientId), ""},
                                           {std::string(common::settings::kClientSecret), ""}}),
                                 createCtx);
  core::ManualCallContext ctx(hostWithoutToken, std::chrono::seconds(30));
  const auto error = expectError([&] { viaHost->testConnection(ctx); });
  EXPECT_EQ(error.code(), core::ErrorCode::Authentication);
  EXPECT_EQ(error.message().rfind("sign-in failed: the host has no token of its own", 0), 0u)
      << error.message();
  EXPECT_EQ(error.message().find("bad credentials"), std::string::npos) << error.message();
  EXPECT_EQ(count("workspace"), 0u) << "no ARM call without a token";
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
