// polysync-host-stub with the real "AI Foundry Pipeline Job" plugin from the build tree.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "HostProcess.h"

namespace {

using host_test::HostResult;
using host_test::runHost;

class CliRealPlugin : public ::testing::Test {
 protected:
  void SetUp() override {}
  HostResult host(std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "--plugin-dir", REAL_PLUGIN_DIR});
    return runHost(args);
  }
};

TEST_F(CliRealPlugin, PluginsListsTheAiFoundryPlugin) {
  const HostResult r = host({"plugins"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto plugins = r.json()->getArray("plugins");
  bool found = false;
  for (size_t i = 0; i < plugins->size(); ++i) {
    const auto p = plugins->getObject(static_cast<unsigned>(i));
    if (p->getValue<std::string>("id") != "polysync.aifoundry") continue;
    found = true;
    EXPECT_EQ(p->getValue<std::string>("version"), "0.1.0");
    EXPECT_EQ(p->getValue<std::string>("library"), "polysync_aifoundry_pipeline.so");
    EXPECT_EQ(p->getObject("abi")->getValue<int>("major"), 1);
    const auto jobType = p->getArray("jobTypes")->getObject(0);
    EXPECT_EQ(jobType->getValue<std::string>("id"), "azure.aifoundry.pipeline-job");
    EXPECT_EQ(jobType->getValue<std::string>("displayName"), "AI Foundry Pipeline Job");
  }
  EXPECT_TRUE(found) << r.out;
}

TEST_F(CliRealPlugin, TestConnectionAnswersWithOneDocumentAndAKnownCode) {
  static const std::set<std::string> kCodes{"RateLimited",     "Unavailable",    "Timeout",     "Interrupted",
                                            "InvalidSettings", "Authentication", "Permission",  "NotFound",
                                            "InvalidArgument", "Rejected",       "Unsupported", "Internal"};
  // Settings the plugin refuses before any request (the workspace is missing): no network in this test.
  const std::string platform = host_test::writeTempFile(
      "real-plugin-partial.json", R"({"Subscription Id":"00000000-0000-0000-0000-000000000000"})");
  const HostResult r =
      host({"--platform", platform, "test-connection", "--job-type", "AI Foundry Pipeline Job"});
  const auto doc = r.json();
  ASSERT_TRUE(doc->has("ok")) << r.out;
  if (doc->getValue<bool>("ok")) {
    EXPECT_EQ(r.exitCode, 0);
  } else {
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(kCodes.count(doc->getObject("error")->getValue<std::string>("code"))) << r.out;
  }
}

TEST_F(CliRealPlugin, UsageErrorsExit2) {
  EXPECT_EQ(host({"run", "--job-type", "azure.aifoundry.pipeline-job"}).exitCode, 2);
  EXPECT_EQ(host({"unknown-command"}).exitCode, 2);
  EXPECT_EQ(host({"poll", "--job-type", "azure.aifoundry.pipeline-job"}).exitCode, 2);
  const HostResult noPlatform = host({"import", "--job-type", "azure.aifoundry.pipeline-job"});
  EXPECT_EQ(noPlatform.exitCode, 2);
  EXPECT_NE(noPlatform.err.find("import needs the option --platform FILE"), std::string::npos)
      << noPlatform.err;
  EXPECT_NE(noPlatform.err.find("\"Workspace Name\""), std::string::npos) << noPlatform.err;
}

}  // namespace
