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
                                           Refusal{"host-minor-too-new", "needs host ABI 1.1 or newer"},
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

}  // namespace
