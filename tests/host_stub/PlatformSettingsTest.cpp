// --platform FILE: attributes become settings; secrets are flagged from the schema and the fixed names.
#include <gtest/gtest.h>

#include "polysync_host/Errors.h"
#include "polysync_host/PlatformSettings.h"

namespace {

using namespace polysync::host;

TEST(PlatformSettings, SecretNamesComeFromTheSchemaAndTheFixedList) {
  const auto names = secretSettingNames(std::string(R"({"type":"object","properties":{
      "Api Key":{"type":"string","writeOnly":true},
      "Token":{"type":"string","x-polysync-secret":true},
      "Plain":{"type":"string","writeOnly":false}},
    "oneOf":[{"properties":{"Deep Secret":{"writeOnly":true}}}]})"));
  for (const char* secret :
       {"Api Key", "Token", "Deep Secret", "Client Secret", "Certificate", "Certificate Password"}) {
    EXPECT_TRUE(names.count(secret)) << secret;
  }
  EXPECT_FALSE(names.count("Plain"));
}

TEST(PlatformSettings, AMissingOrBrokenSchemaStillFlagsTheFixedNames) {
  EXPECT_TRUE(secretSettingNames(std::nullopt).count("Client Secret"));
  EXPECT_TRUE(secretSettingNames(std::string("{not json")).count("Certificate Password"));
}

TEST(PlatformSettings, ValuesBecomeTextAndNullOmitsTheSetting) {
  const auto settings = parsePlatformSettings(
      R"({"Subscription Id":"sub","Request Timeout Seconds":30,"Ratio":0.25,"Allow Plain HTTP To Loopback":true,
          "Client Secret":"pw","Tenant Id":null})",
      "p.json", secretSettingNames(std::nullopt));
  ASSERT_EQ(settings.size(), 5u);
  std::map<std::string, Setting> byKey;
  for (const auto& s : settings) byKey[s.key] = s;
  EXPECT_EQ(byKey["Subscription Id"].value, "sub");
  EXPECT_EQ(byKey["Request Timeout Seconds"].value, "30");
  EXPECT_EQ(byKey["Ratio"].value, "0.25");
  EXPECT_EQ(byKey["Allow Plain HTTP To Loopback"].value, "true");
  EXPECT_TRUE(byKey["Client Secret"].secret);
  EXPECT_FALSE(byKey["Subscription Id"].secret);
  EXPECT_EQ(byKey.count("Tenant Id"), 0u);
}

TEST(PlatformSettings, NonObjectsAndNestedValuesAreUsageErrors) {
  const auto names = secretSettingNames(std::nullopt);
  EXPECT_THROW(parsePlatformSettings("[]", "p.json", names), UsageError);
  EXPECT_THROW(parsePlatformSettings("{", "p.json", names), UsageError);
  EXPECT_THROW(parsePlatformSettings(R"({"A":{"b":1}})", "p.json", names), UsageError);
  EXPECT_THROW(parsePlatformSettings(R"({"A":[1]})", "p.json", names), UsageError);
  EXPECT_THROW(readPlatformSettings("/nonexistent/platform.json", names), UsageError);
}

}  // namespace
