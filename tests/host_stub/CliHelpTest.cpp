// polysync-host-stub's help for people: the overview, each command's help (CMD --help and help CMD),
// --version, and a missing --platform named as such.
#include <gtest/gtest.h>
#include <polysync/jobtype_v1/base.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "HostProcess.h"

namespace {

using host_test::HostResult;
using host_test::runHost;

const std::vector<std::string> kCommands{"plugins", "test-connection", "import", "run", "poll", "cancel"};

// The options every command's help explains (as its lines start), and those of each command.
const std::vector<std::string> kGlobalLines{
    "  --plugin-dir DIR",  "  --platform FILE", "  --json",
    "  --log-level LEVEL", "  -v, --verbose",   "  --host-token-file FILE",
    "  --call-timeout S",  "  -h, --help",      "  --version"};
const std::map<std::string, std::vector<std::string>> kCommandLines{
    {"plugins", {}},
    {"test-connection", {"  --job-type T"}},
    {"import", {"  --job-type T", "  --filter TAG"}},
    {"run",
     {"  --job-type T", "  --external-id ID", "  --name DISPLAY", "  --param NAME[:TYPE]=VALUE",
      "  --output NAME", "  --param-file FILE", "  --attr NAME=VALUE", "  --idempotency-key KEY", "  --wait",
      "  --poll-interval S", "  --timeout S", "  --cancel-on-timeout"}},
    {"poll", {"  --job-type T", "  --output NAME", "  --param-file FILE"}},
    {"cancel", {"  --job-type T", "  --output NAME", "  --param-file FILE"}},
};

// The line of `text` that starts with `start` followed by at least two spaces and an explanation; "" if none.
std::string explanationOf(const std::string& text, const std::string& start) {
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    if (line.rfind(start + "  ", 0) != 0) continue;
    const size_t words = line.find_first_not_of(' ', start.size());
    if (words != std::string::npos) return line.substr(words);
  }
  return "";
}

TEST(CliHelp, EachCommandsHelpExplainsEveryOptionItTakesAndGivesAnExample) {
  for (const auto& command : kCommands) {
    const HostResult r = runHost({command, "--help"});
    ASSERT_EQ(r.exitCode, 0) << command << ": " << r.err;
    EXPECT_EQ(r.err, "") << command;
    EXPECT_EQ(r.out.rfind("usage: polysync-host-stub " + command, 0), 0u) << r.out;
    std::vector<std::string> lines = kGlobalLines;
    lines.insert(lines.end(), kCommandLines.at(command).begin(), kCommandLines.at(command).end());
    for (const auto& start : lines) {
      EXPECT_GE(explanationOf(r.out, start).size(), 15u)
          << command << " --help explains \"" << start << "\" in one line:\n"
          << r.out;
    }
    const size_t example = r.out.find("\nexample:\n  polysync-host-stub ");
    ASSERT_NE(example, std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" " + command, example), std::string::npos) << "the example runs " << command;
    const auto& own = kCommandLines.at(command);
    for (const auto& entry : kCommandLines) {
      for (const auto& start : entry.second) {
        if (std::find(own.begin(), own.end(), start) == own.end()) {
          EXPECT_EQ(explanationOf(r.out, start), "") << command << " does not take " << start;
        }
      }
    }
  }
}

TEST(CliHelp, HelpCommandShowsTheSameAsCommandDashDashHelp) {
  for (const auto& command : kCommands) {
    const HostResult viaHelp = runHost({"help", command});
    const HostResult viaOption = runHost({"--plugin-dir", "/nonexistent", command, "-h"});
    ASSERT_EQ(viaHelp.exitCode, 0) << viaHelp.err;
    ASSERT_EQ(viaOption.exitCode, 0) << viaOption.err;
    EXPECT_EQ(viaHelp.out, viaOption.out) << command;
  }
}

TEST(CliHelp, HelpAloneShowsTheOverviewListingEveryCommand) {
  const HostResult viaOption = runHost({"--help"});
  const HostResult viaHelp = runHost({"help"});
  ASSERT_EQ(viaOption.exitCode, 0) << viaOption.err;
  ASSERT_EQ(viaHelp.exitCode, 0) << viaHelp.err;
  EXPECT_EQ(viaOption.out, viaHelp.out);
  EXPECT_EQ(viaOption.out.rfind("usage: polysync-host-stub", 0), 0u) << viaOption.out;
  for (const auto& command : kCommands) {
    EXPECT_GE(explanationOf(viaOption.out, "  " + command).size(), 15u) << command << ":\n" << viaOption.out;
  }
  EXPECT_NE(viaOption.out.find("help COMMAND"), std::string::npos) << viaOption.out;
}

TEST(CliHelp, HelpAboutAnUnknownCommandIsAUsageErrorNamingTheKnownOnes) {
  const HostResult r = runHost({"--json", "help", "frobnicate"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("code"), "Usage") << r.out;
  EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("\"frobnicate\""), std::string::npos) << r.err;
  for (const auto& command : kCommands) EXPECT_NE(r.err.find(command), std::string::npos) << r.err;

  const HostResult twoWords = runHost({"help", "run", "poll"});
  EXPECT_EQ(twoWords.exitCode, 2);
  EXPECT_EQ(host_test::lineCount(twoWords.err), 1u) << twoWords.err;
}

TEST(CliHelp, AUsageErrorOfACommandPointsToThatCommandsHelp) {
  const HostResult r = runHost({"run", "--job-type", "T"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("run needs --external-id; run 'polysync-host-stub help run'"), std::string::npos)
      << r.err;
}

TEST(CliHelp, VersionNamesTheHostVersionAndTheAbiItImplements) {
  const HostResult r = runHost({"--version"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, std::string("polysync-host-stub ") + HOST_STUB_VERSION + " (polysync_jobtype_v1 " +
                       std::to_string(PSJ_ABI_MAJOR) + "." + std::to_string(PSJ_ABI_MINOR) + ")\n");
  EXPECT_EQ(r.err, "");
}

// The scripted plugin built with a settings schema that requires "Scenario".
const std::string kRequiresSettings = std::string(HOST_TEST_PLUGINS) + "/requires-settings";

TEST(CliHelp, AConnectionWithoutPlatformNamesTheMissingOptionWhenSettingsAreRequired) {
  const std::vector<std::vector<std::string>> cases{{"test-connection"},
                                                    {"import"},
                                                    {"run", "--external-id", "ends-success"},
                                                    {"poll", "finished"},
                                                    {"cancel", "run-forever"}};
  for (auto args : cases) {
    const std::string command = args.front();
    args.insert(args.begin(), {"--json", "--plugin-dir", kRequiresSettings});
    args.insert(args.end(), {"--job-type", "test.scripted-job"});
    const HostResult r = runHost(args);
    EXPECT_EQ(r.exitCode, 2) << command << ": " << r.err;
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("code"), "Usage") << r.out;
    EXPECT_EQ(host_test::lineCount(r.err), 1u) << r.err;
    EXPECT_NE(r.err.find(command + " needs the option --platform FILE"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("\"Scenario\""), std::string::npos) << "names the required setting: " << r.err;
  }
}

TEST(CliHelp, WithAPlatformFileTheSameCommandReachesThePlugin) {
  const std::string platform = host_test::writeTempFile("requires-settings.json", R"({"Scenario":"ok"})");
  const HostResult r = runHost({"--json", "--plugin-dir", kRequiresSettings, "--platform", platform,
                                "test-connection", "--job-type", "test.scripted-job"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(r.json()->getValue<bool>("ok")) << r.out;
}

}  // namespace
