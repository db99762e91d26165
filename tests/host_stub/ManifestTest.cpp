// The manifest reader enforces manifest.schema.json's rules before any plugin code is loaded.
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "polysync_host/Errors.h"
#include "polysync_host/Manifest.h"

namespace {

using polysync::host::Manifest;
using polysync::host::parseManifest;
using polysync::host::PluginLoadError;

const std::string kValid =
    R"({"manifestVersion":1,"id":"polysync.aifoundry","version":"0.1.0","library":"lib/p.so",)"
    R"("abi":{"major":1,"minor":2,"minHostMinor":1},"jobTypes":[{"id":"a.b-c","displayName":"A B"}]})";

std::string replaced(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

std::string refusal(const std::string& text) {
  try {
    parseManifest(text, "/plugins/m.json");
  } catch (const PluginLoadError& e) {
    return e.what();
  }
  return "";
}

TEST(Manifest, AValidManifestIsRead) {
  const Manifest m = parseManifest(kValid, "/plugins/m.json");
  EXPECT_EQ(m.id, "polysync.aifoundry");
  EXPECT_EQ(m.version, "0.1.0");
  EXPECT_EQ(m.abiMajor, 1u);
  EXPECT_EQ(m.abiMinor, 2u);
  EXPECT_EQ(m.minHostMinor, 1u);
  ASSERT_EQ(m.jobTypes.size(), 1u);
  EXPECT_EQ(m.jobTypes[0].displayName, "A B");
  EXPECT_EQ(m.libraryPath(), "/plugins/lib/p.so");
  EXPECT_TRUE(m.declaresJobType("a.b-c"));
  EXPECT_TRUE(m.declaresJobType("a b"));
  EXPECT_FALSE(m.declaresJobType("x"));
}

// The shipped manifest is generated from the plugin's descriptor at build time (manifests/CMakeLists.txt).
TEST(Manifest, TheShippedManifestIsValid) {
  std::ifstream in(std::string(GENERATED_MANIFEST_DIR) + "/polysync-aifoundry.json");
  std::ostringstream text;
  text << in.rdbuf();
  const Manifest m = parseManifest(text.str(), "polysync-aifoundry.json");
  EXPECT_EQ(m.id, "polysync.aifoundry");
  EXPECT_EQ(m.library, "polysync_aifoundry_pipeline.so");
  EXPECT_EQ(m.jobTypes[0].id, "azure.aifoundry.pipeline-job");
  EXPECT_EQ(m.jobTypes[0].displayName, "AI Foundry Pipeline Job");
}

TEST(Manifest, TheSchemaIsJsonAndRequiresWhatTheReaderRequires) {
  std::ifstream in(std::string(MANIFESTS_SOURCE_DIR) + "/../plugin_api/manifest.schema.json");
  std::ostringstream text;
  text << in.rdbuf();
  Poco::JSON::Parser parser;
  const auto schema = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
  const auto required = schema->getArray("required");
  ASSERT_EQ(required->size(), 6u);
  for (const char* field : {"manifestVersion", "id", "version", "library", "abi", "jobTypes"}) {
    bool listed = false;
    for (size_t i = 0; i < required->size(); ++i)
      listed = listed || required->getElement<std::string>(static_cast<unsigned>(i)) == field;
    EXPECT_TRUE(listed) << field;
  }
}

struct BadCase {
  const char* name;
  std::string text;
  const char* reasonPart;
};

class ManifestRefuses : public ::testing::TestWithParam<BadCase> {};

TEST_P(ManifestRefuses, WithOneLineNamingTheField) {
  const std::string reason = refusal(GetParam().text);
  ASSERT_FALSE(reason.empty());
  EXPECT_NE(reason.find(GetParam().reasonPart), std::string::npos) << reason;
  EXPECT_NE(reason.find("/plugins/m.json"), std::string::npos) << reason;
  EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ManifestRefuses,
    ::testing::Values(
        BadCase{"malformed", "{\"id\":", "not valid JSON"},
        BadCase{"not_object", "[]", "must be a JSON object"},
        BadCase{"missing_id", replaced(R"("id":"polysync.aifoundry",)", ""), "\"id\""},
        BadCase{"id_not_string", replaced(R"("id":"polysync.aifoundry")", R"("id":7)"),
                "\"id\" must be a string"},
        BadCase{"bad_id", replaced(R"("id":"polysync.aifoundry")", R"("id":"has space")"), "\"id\""},
        BadCase{"bad_version", replaced(R"("version":"0.1.0")", R"("version":"1.0")"), "semantic version"},
        BadCase{"manifest_version", replaced(R"("manifestVersion":1)", R"("manifestVersion":2)"),
                "manifestVersion"},
        BadCase{"absolute_library", replaced(R"("library":"lib/p.so")", R"("library":"/usr/lib/p.so")"),
                "not absolute"},
        BadCase{"dotdot_library", replaced(R"("library":"lib/p.so")", R"("library":"../p.so")"), "'..'"},
        BadCase{"empty_library", replaced(R"("library":"lib/p.so")", R"("library":"")"), "must not be empty"},
        BadCase{"missing_abi", replaced(R"("abi":{"major":1,"minor":2,"minHostMinor":1},)", ""), "\"abi\""},
        BadCase{"abi_not_integer", replaced(R"("major":1)", R"("major":"1")"), "abi.major"},
        BadCase{"abi_negative", replaced(R"("minor":2)", R"("minor":-1)"), "abi.minor"},
        BadCase{"abi_fraction", replaced(R"("minor":2)", R"("minor":1.5)"), "abi.minor"},
        BadCase{"abi_major_zero", replaced(R"("major":1)", R"("major":0)"), "abi.major"},
        BadCase{"min_above_minor", replaced(R"("minHostMinor":1)", R"("minHostMinor":3)"), "minHostMinor"},
        BadCase{"no_job_types", replaced(R"([{"id":"a.b-c","displayName":"A B"}])", "[]"), "at least one"},
        BadCase{"job_type_no_name", replaced(R"(,"displayName":"A B")", ""), "displayName"},
        BadCase{"duplicate_job_type",
                replaced(R"([{"id":"a.b-c","displayName":"A B"}])",
                         R"([{"id":"a.b-c","displayName":"A B"},{"id":"a.b-c","displayName":"C"}])"),
                "listed twice"},
        BadCase{"unknown_field", replaced(R"("manifestVersion":1,)", R"("manifestVersion":1,"extra":true,)"),
                "unknown field"}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

}  // namespace

namespace {

TEST(Manifest, VersionsAndIdsFollowTheSchemaPatterns) {
  for (const char* good : {"0.1.0", "10.20.30", "1.2.3-rc.1", "1.2.3+build.5"}) {
    EXPECT_EQ(refusal(replaced(R"("version":"0.1.0")", std::string(R"("version":")") + good + "\"")), "")
        << good;
  }
  for (const char* bad : {"1", "1.2", "1.2.x", "1.2.3-", "v1.2.3", "1..2"}) {
    EXPECT_NE(refusal(replaced(R"("version":"0.1.0")", std::string(R"("version":")") + bad + "\"")), "")
        << bad;
  }
  EXPECT_NE(refusal(replaced(R"("id":"polysync.aifoundry")", R"("id":".hidden")")), "");
  EXPECT_NE(refusal(replaced(R"("id":"polysync.aifoundry")", R"("id":"")")), "");
}

}  // namespace
