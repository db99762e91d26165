// What check-plugin's checks may assume about a job type (checkProfileFor): settings from --platform, else
// the schema's defaults (a guess), else none with the reason; the required setting; the secrets; the run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "polysync_host/check/PluginCheck.h"

namespace {

using namespace polysync::host;
using namespace polysync::host::check;

JobTypeInfo jobTypeWithSchema(const std::string& schema) {
  JobTypeInfo info;
  info.id = "test.job";
  info.displayName = "Test Job";
  info.settingsSchema = schema;
  return info;
}

TEST(CheckProfile, WithoutAPlatformFileTheSchemaDefaultsAreAGuess) {
  const auto profile = checkProfileFor(
      jobTypeWithSchema(R"({"required":["Region"],"properties":{"Region":{"type":"string","default":"west"},
        "Retries":{"type":"integer","default":3},"Verbose":{"default":true},"Note":{"type":"string"}}})"),
      PluginCheckOptions{});
  ASSERT_TRUE(profile.validSettings.has_value());
  EXPECT_TRUE(profile.settingsAreGuessed);
  std::map<std::string, std::string> settings;
  for (const auto& s : *profile.validSettings) settings[s.key] = s.value;
  EXPECT_EQ(settings,
            (std::map<std::string, std::string>{{"Region", "west"}, {"Retries", "3"}, {"Verbose", "true"}}));
  EXPECT_EQ(profile.requiredSetting, "Region");
  EXPECT_FALSE(profile.runMustSucceed);
  EXPECT_TRUE(profile.callTimeout.has_value());
}

TEST(CheckProfile, ARequiredSettingWithoutADefaultLeavesNoSettingsAndSaysWhich) {
  const auto profile = checkProfileFor(
      jobTypeWithSchema(R"({"required":["Region","Token"],"properties":{"Region":{"default":"west"}}})"),
      PluginCheckOptions{});
  EXPECT_FALSE(profile.validSettings.has_value());
  EXPECT_NE(profile.settingsUnavailable.find("\"Token\" is required"), std::string::npos)
      << profile.settingsUnavailable;
  EXPECT_NE(profile.settingsUnavailable.find("--platform FILE"), std::string::npos);
}

TEST(CheckProfile, APlatformFileGivesTheSettingsWithTheirSecretsAndAnExternalIdMustRun) {
  const auto file = std::filesystem::temp_directory_path() / "check-profile-platform.json";
  std::ofstream(file) << R"({"Region":"east","Api Key":"k-123","Client Secret":"s-456"})";
  PluginCheckOptions options;
  options.platformFile = file.string();
  options.externalId = "nightly";
  options.callTimeout = std::chrono::milliseconds(0);
  const auto profile = checkProfileFor(
      jobTypeWithSchema(R"({"required":["Region"],"properties":{"Api Key":{"writeOnly":true}}})"), options);
  std::filesystem::remove(file);
  ASSERT_TRUE(profile.validSettings.has_value());
  EXPECT_FALSE(profile.settingsAreGuessed);
  EXPECT_EQ(profile.validSettings->size(), 3u);
  for (const auto& s : *profile.validSettings) {
    EXPECT_EQ((s.flags & PSJ_KV_SECRET) != 0, s.key != "Region") << s.key;
  }
  EXPECT_EQ(profile.secrets.size(), 2u);
  EXPECT_EQ(profile.runExternalId, "nightly");
  EXPECT_TRUE(profile.runMustSucceed);
  EXPECT_FALSE(profile.callTimeout.has_value()) << "--call-timeout 0 means no deadline";
}

TEST(CheckProfile, NoSchemaNeedsNoSettingAndKnowsNoneRequired) {
  JobTypeInfo info;
  const auto profile = checkProfileFor(info, PluginCheckOptions{});
  ASSERT_TRUE(profile.validSettings.has_value());
  EXPECT_TRUE(profile.validSettings->empty());
  EXPECT_TRUE(profile.requiredSetting.empty());
}

}  // namespace
