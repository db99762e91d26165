// The platform attributes are validated when the connection is created, without network access, and a bad
// one is named in an InvalidSettings error (never its value).
#include "PipelineJobFixture.h"
#include "pipeline_job/ConnectionSettings.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

class ConnectionSettingsTest : public PipelineJobTest {};

TEST_F(ConnectionSettingsTest, MissingRequiredSettingIsNamed) {
  for (const auto name : {common::settings::kSubscriptionId, common::settings::kResourceGroupName,
                          common::settings::kWorkspaceName}) {
    const auto error = expectError([&] { connect({{std::string(name), ""}}); });
    EXPECT_EQ(error.code(), core::ErrorCode::InvalidSettings);
    EXPECT_NE(error.message().find(std::string(name)), std::string::npos) << error.message();
  }
  EXPECT_EQ(emulator->journal().size(), 0u) << "creating a connection must not touch the network";
}

TEST_F(ConnectionSettingsTest, MalformedSettingsAreNamedWithoutTheirValue) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {std::string(common::settings::kSubscriptionId), "not-a-guid"},
      {std::string(common::settings::kAzureCloud), "MarsCloud"},
      {std::string(common::settings::kApiVersion), "yesterday"},
      {std::string(common::settings::kAllowPlainHttpToLoopback), "maybe"},
      {std::string(common::settings::kRequestTimeoutSeconds), "soon"},
      {std::string(common::settings::kStatusSource), "Sometimes"},
  };
  for (const auto& [name, value] : bad) {
    const auto error = expectError([&] { connect({{name, value}}); });
    EXPECT_EQ(error.code(), core::ErrorCode::InvalidSettings) << name << ": " << error.message();
    EXPECT_NE(error.message().find(name), std::string::npos) << error.message();
  }
}

TEST_F(ConnectionSettingsTest, AnUnknownSettingIsAWarningNamingTheNearestKnownOne) {
  const std::string typoValue = "typo-value-never-logged";
  connect({{"Client Secert", typoValue}, {"Bogus Setting", "x"}, {"resource group name", "rg-cased"}});
  const std::string log = host->allText();
  EXPECT_NE(log.find("unknown connection setting 'Client Secert' is ignored; did you mean 'Client Secret'?"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("unknown connection setting 'Bogus Setting' is ignored; the job type's settings schema"),
            std::string::npos)
      << log;
  EXPECT_EQ(log.find("resource group name"), std::string::npos)
      << "a differently cased name is known: " << log;
  EXPECT_EQ(log.find(typoValue), std::string::npos) << "a value reached the log";
  EXPECT_EQ(log.find("connected to"), std::string::npos) << "nothing has been reached yet: " << log;
  EXPECT_EQ(emulator->journal().size(), 0u);
}

TEST_F(ConnectionSettingsTest, ServicePrincipalWithoutSecretIsRefused) {
  const auto error = expectError([&] { connect({{std::string(common::settings::kClientSecret), ""}}); });
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidSettings);
  EXPECT_NE(error.message().find("Client Secret"), std::string::npos) << error.message();
}

// arm/ and identity/ read attribute names regardless of case; the workspace URLs must read them the same way,
// or a mis-cased `Resource Manager Endpoint` would sign in to one place and call another.
TEST(ConnectionSettingsNames, AreMatchedRegardlessOfCaseAsTheSignInLayerMatchesThem) {
  auto setting = [](std::string key, std::string value) {
    return core::Setting{std::move(key), common::SecretString(std::move(value)), false};
  };
  std::vector<core::Setting> settings;
  settings.push_back(setting("subscription id", "00000000-1111-2222-3333-444444444444"));
  settings.push_back(setting("RESOURCE GROUP NAME", "rg"));
  settings.push_back(setting("Workspace name", "my-ws"));
  settings.push_back(setting("resource manager endpoint", "https://arm.example.test"));
  const ConnectionSettings parsed = ConnectionSettings::parse(settings);
  EXPECT_EQ(parsed.workspace.resourceGroup, "rg");
  EXPECT_EQ(parsed.workspace.workspaceName, "my-ws");
  EXPECT_EQ(parsed.cloud.armEndpoint, "https://arm.example.test");
  // An exact name still wins over a differently cased one.
  settings.push_back(setting(std::string(common::settings::kWorkspaceName), "exact"));
  EXPECT_EQ(ConnectionSettings::parse(settings).workspace.workspaceName, "exact");
}

TEST_F(ConnectionSettingsTest, JobTypeDescribesItsCapabilities) {
  const auto& info = jobType->info();
  EXPECT_EQ(info.id, names::kJobTypeId);
  EXPECT_EQ(info.displayName, names::kJobTypeDisplayName);
  EXPECT_TRUE(info.capabilities.testConnection && info.capabilities.importJobs && info.capabilities.cancel &&
              info.capabilities.outputs && info.capabilities.idempotentRun &&
              info.capabilities.statelessPoll);
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
