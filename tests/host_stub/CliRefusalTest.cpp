// polysync-host-stub refuses bad plugins and manifests with exit code 3 and a one-line reason.
#include <gtest/gtest.h>

#include <string>

#include "HostProcess.h"

namespace {

using host_test::HostResult;
using host_test::runHost;

struct Refusal {
  const char* folder;
  const char* reasonPart;
};

class CliRefuses : public ::testing::TestWithParam<Refusal> {};

TEST_P(CliRefuses, WithExitCode3AndAOneLineReason) {
  const std::string dir = std::string(HOST_TEST_PLUGINS) + "/" + GetParam().folder;
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"plugins"},
        std::vector<std::string>{"test-connection", "--job-type", "test.scripted-job"}}) {
    std::vector<std::string> args{"--json", "--plugin-dir", dir};
    args.insert(args.end(), command.begin(), command.end());
    const HostResult r = runHost(args);
    EXPECT_EQ(r.exitCode, 3) << r.err;
    const auto error = r.json()->getObject("error");
    EXPECT_EQ(error->getValue<std::string>("code"), "PluginLoad");
    const std::string message = error->getValue<std::string>("message");
    EXPECT_NE(message.find(GetParam().reasonPart), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
    EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
  }
}

INSTANTIATE_TEST_SUITE_P(BadPlugins, CliRefuses,
                         ::testing::Values(Refusal{"missing-library", "library file does not exist"},
                                           Refusal{"malformed", "not valid JSON"},
                                           Refusal{"wrong-id", "id test.scripted but the manifest"},
                                           Refusal{"wrong-major", "ABI major 2"},
                                           Refusal{"no-entry", "does not export polysync_jobtype_v1_entry"},
                                           Refusal{"truncated-entry", "entry struct is truncated"},
                                           Refusal{"host-minor-too-new", "needs host ABI 1.2 or newer"},
                                           Refusal{"does-not-exist", "does not exist"}),
                         [](const auto& testInfo) {
                           std::string name = testInfo.param.folder;
                           for (char& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

TEST(CliRefusal, AnEmptyPluginFolderListsNoPlugins) {
  const HostResult r =
      runHost({"--json", "--plugin-dir", std::string(HOST_TEST_PLUGINS) + "/empty", "plugins"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getArray("plugins")->size(), 0u);
}

TEST(CliRefusal, OneBrokenManifestDoesNotHideTheGoodPlugins) {
  const std::string dir = std::string(HOST_TEST_PLUGINS) + "/mixed";
  const HostResult listed = runHost({"--json", "--plugin-dir", dir, "plugins"});
  EXPECT_EQ(listed.exitCode, 3) << listed.err;  // an installation with a refused plugin is not clean
  const auto plugins = listed.json()->getArray("plugins");
  ASSERT_EQ(plugins->size(), 1u) << listed.out;
  EXPECT_EQ(plugins->getObject(0)->getValue<std::string>("id"), "test.scripted");
  const auto refused = listed.json()->getArray("refused");
  ASSERT_EQ(refused->size(), 1u) << listed.out;  // broken.json; notes.json is no manifest and is only skipped
  EXPECT_NE(refused->getObject(0)->getValue<std::string>("file").find("broken.json"), std::string::npos);
  EXPECT_NE(refused->getObject(0)->getValue<std::string>("reason").find("missing required field"),
            std::string::npos);
  EXPECT_EQ(listed.json()->getObject("error")->getValue<std::string>("code"), "PluginLoad");
  EXPECT_NE(listed.err.find("skipping " + dir + "/notes.json: not a plugin manifest"), std::string::npos)
      << listed.err;

  // A command for the good plugin's job type works, and says what else was refused.
  const HostResult connected =
      runHost({"--json", "--plugin-dir", dir, "test-connection", "--job-type", "Scripted Job"});
  EXPECT_EQ(connected.exitCode, 0) << connected.err;
  EXPECT_TRUE(connected.json()->getValue<bool>("ok"));
  EXPECT_NE(connected.err.find("broken.json"), std::string::npos) << connected.err;
}

TEST(CliRefusal, AStrayJsonFileAndALibraryWithoutManifestAreNamedNotFatal) {
  const std::string dir = std::string(HOST_TEST_PLUGINS) + "/stray-only";
  const HostResult r = runHost({"--json", "--plugin-dir", dir, "plugins"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.json()->getArray("plugins")->size(), 1u);
  EXPECT_EQ(r.json()->getArray("refused")->size(), 0u);
  EXPECT_FALSE(r.json()->has("error"));
  EXPECT_NE(r.err.find("notes.json: not a plugin manifest"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("forgotten_plugin.so is not loaded: no manifest names it"), std::string::npos)
      << r.err;
}

TEST(CliRefusal, PluginsListsEachJobTypesSettingsSchema) {
  const HostResult r =
      runHost({"--json", "--plugin-dir", std::string(HOST_TEST_PLUGINS) + "/good", "plugins"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto jobType = r.json()->getArray("plugins")->getObject(0)->getArray("jobTypes")->getObject(0);
  ASSERT_TRUE(jobType->has("settingsSchema"));
  // The scripted plugin declares a schema object; it is embedded as JSON, not as a string.
  EXPECT_FALSE(jobType->get("settingsSchema").isString());
}

}  // namespace
