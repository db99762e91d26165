// The command line, parsed with the same Poco OptionSet the application uses, and its help.
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <gtest/gtest.h>
#include <polysync/jobtype_v1/base.h>

#include "polysync_host/CommandHelp.h"
#include "polysync_host/CommandOptions.h"
#include "polysync_host/Errors.h"
#include "polysync_host/RequiredSettings.h"

namespace {

using namespace polysync::host;
using std::chrono::milliseconds;

TEST(CommandLine, GlobalOptionsAndTheCommandInAnyOrder) {
  const auto o = parseCommandLine({"--plugin-dir",
                                   "/p",
                                   "run",
                                   "--json",
                                   "--job-type",
                                   "T",
                                   "--external-id",
                                   "E",
                                   "--param",
                                   "a:Int=1",
                                   "--param",
                                   "b=x",
                                   "--output",
                                   "o",
                                   "--attr",
                                   "k=v",
                                   "--wait",
                                   "--poll-interval",
                                   "0.05",
                                   "--timeout",
                                   "2",
                                   "--cancel-on-timeout"});
  EXPECT_EQ(o.command(), "run");
  EXPECT_EQ(o.pluginDir, "/p");
  EXPECT_TRUE(o.json);
  EXPECT_EQ(o.jobType, "T");
  EXPECT_EQ(o.params, (std::vector<std::string>{"a:Int=1", "b=x"}));
  EXPECT_EQ(o.outputs, (std::vector<std::string>{"o"}));
  EXPECT_EQ(o.attrs, (std::vector<std::string>{"k=v"}));
  EXPECT_TRUE(o.wait);
  EXPECT_EQ(o.pollInterval, milliseconds(50));
  EXPECT_EQ(o.timeout, milliseconds(2000));
  EXPECT_TRUE(o.cancelOnTimeout);
  EXPECT_NO_THROW(o.validate());
}

TEST(CommandLine, EqualsFormAndValuesStartingWithADash) {
  const auto o =
      parseCommandLine({"--job-type=T", "--name", "-weird-", "--param=x=-1", "run", "--external-id=E"});
  EXPECT_EQ(o.jobType, "T");
  EXPECT_EQ(o.name, "-weird-");
  EXPECT_EQ(o.params, (std::vector<std::string>{"x=-1"}));
  EXPECT_NO_THROW(o.validate());
}

// Every level by its name in any case, and "warning" as well as "warn" (the one name a log line writes).
TEST(CommandLine, EveryLogLevelIsReadByNameInAnyCase) {
  EXPECT_EQ(parseCommandLine({"--log-level", "trace", "plugins"}).logLevel, PSJ_LOG_TRACE);
  EXPECT_EQ(parseCommandLine({"--log-level", "Debug", "plugins"}).logLevel, PSJ_LOG_DEBUG);
  EXPECT_EQ(parseCommandLine({"--log-level", "INFO", "plugins"}).logLevel, PSJ_LOG_INFO);
  EXPECT_EQ(parseCommandLine({"--log-level", "warning", "plugins"}).logLevel, PSJ_LOG_WARN);
  EXPECT_EQ(parseCommandLine({"--log-level", "error", "plugins"}).logLevel, PSJ_LOG_ERROR);
  EXPECT_THROW(parseCommandLine({"--log-level", "warn ", "plugins"}), UsageError);
}

TEST(CommandLine, PollAndCancelTakeTheRunId) {
  const auto o = parseCommandLine({"poll", "--job-type", "T", "run-1", "--output", "m"});
  EXPECT_EQ(o.runId(), "run-1");
  EXPECT_NO_THROW(o.validate());
}

TEST(CommandLine, VerboseMeansDebugAndLogLevelsAreChecked) {
  EXPECT_EQ(parseCommandLine({"-v", "plugins"}).logLevel, PSJ_LOG_DEBUG);
  EXPECT_EQ(parseCommandLine({"--log-level", "WARN", "plugins"}).logLevel, PSJ_LOG_WARN);
  EXPECT_THROW(parseCommandLine({"--log-level", "loud", "plugins"}), UsageError);
}

TEST(CommandLine, CallTimeoutDefaultsTo120SecondsAndZeroMeansNone) {
  EXPECT_EQ(parseCommandLine({"plugins"}).callTimeout, milliseconds(120000));
  EXPECT_EQ(parseCommandLine({"--call-timeout", "0", "plugins"}).callTimeout, milliseconds(0));
  EXPECT_EQ(parseCommandLine({"--call-timeout", "1.5", "plugins"}).callTimeout, milliseconds(1500));
}

TEST(CommandLine, SecondsMustBeNonNegativeNumbers) {
  EXPECT_EQ(parseSeconds("0.05", "timeout", true), milliseconds(50));
  EXPECT_EQ(parseSeconds("0.0001", "timeout", true), milliseconds(1));
  for (const char* bad : {"", "abc", "-1", "1s", "nan", "inf"})
    EXPECT_THROW(parseSeconds(bad, "timeout", false), UsageError) << bad;
  EXPECT_THROW(parseSeconds("0", "poll-interval", true), UsageError);
}

TEST(CommandLine, PocoOptionErrorsBecomeUsageErrors) {
  EXPECT_THROW(parseCommandLine({"--bogus", "plugins"}), UsageError);
  EXPECT_THROW(parseCommandLine({"plugins", "--plugin-dir"}), UsageError);
  EXPECT_THROW(parseCommandLine({"--platform", "a", "--platform", "b", "plugins"}), UsageError);
  EXPECT_THROW(parseCommandLine({"--json=1", "plugins"}), UsageError);
  EXPECT_NO_THROW(parseCommandLine({"--json", "--json", "plugins"}));
}

struct Invalid {
  std::vector<std::string> args;
  const char* reasonPart;
};

class CommandLineRejects : public ::testing::TestWithParam<Invalid> {};

TEST_P(CommandLineRejects, WithAUsageErrorSayingWhatToFix) {
  const auto o = parseCommandLine(GetParam().args);
  try {
    o.validate();
    FAIL() << "accepted";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().reasonPart), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CommandLineRejects,
    ::testing::Values(Invalid{{}, "no command"}, Invalid{{"launch"}, "unknown command"},
                      Invalid{{"test-connection"}, "needs --job-type"},
                      Invalid{{"run", "--job-type", "T"}, "needs --external-id"},
                      Invalid{{"poll", "--job-type", "T"}, "needs RUN_ID"},
                      Invalid{{"cancel", "--job-type", "T", "a", "b"}, "unexpected argument \"b\""},
                      Invalid{{"plugins", "extra"}, "unexpected argument"},
                      Invalid{{"import", "--job-type", "T", "--wait"}, "does not apply to import"},
                      Invalid{{"run", "--job-type", "T", "--external-id", "E", "--timeout", "1"},
                              "only applies with --wait"}));

}  // namespace

namespace {

using namespace polysync::host;

// Every option of the OptionSet belongs to the global ones or to some command, and each help that lists it
// explains it (the help throws for an option it has no line for).
TEST(CommandHelpText, EveryOptionIsExplainedInTheHelpOfEachCommandThatTakesIt) {
  Poco::Util::OptionSet set;
  defineCommandOptions(set);
  size_t checked = 0;
  for (const auto& option : set) {
    const std::string shown = "--" + option.fullName() + (option.takesArgument() ? " " : "");
    const bool global = globalOptionNames().count(option.fullName()) > 0;
    if (global) {
      EXPECT_NE(usageText().find(shown), std::string::npos) << shown;
    }
    bool taken = global;
    for (const auto& command : commandNames()) {
      const auto help = commandHelp(command);
      ASSERT_TRUE(help.has_value()) << command;
      const bool takes = global || commandOptionNames(command).count(option.fullName()) > 0;
      EXPECT_EQ(help->find(shown) != std::string::npos, takes) << command << " and " << shown << ":\n"
                                                               << *help;
      taken = taken || takes;
    }
    EXPECT_TRUE(taken) << "no command takes --" << option.fullName();
    ++checked;
  }
  EXPECT_GE(checked, 20u);
  EXPECT_FALSE(commandHelp("frobnicate").has_value());
}

TEST(CommandHelpText, HelpCommandTextRefusesAnUnknownCommandOrASecondWord) {
  EXPECT_EQ(helpCommandText({}), usageText());
  EXPECT_EQ(helpCommandText({"poll"}), *commandHelp("poll"));
  EXPECT_THROW(helpCommandText({"frobnicate"}), UsageError);
  EXPECT_THROW(helpCommandText({"run", "poll"}), UsageError);
}

TEST(RequiredSettings, AreTheTopLevelRequiredStringsInOrder) {
  EXPECT_EQ(requiredSettingNames(
                std::string(R"({"type":"object","required":["B","A",3],"properties":{"A":{},"B":{}},)"
                            R"("allOf":[{"if":{"required":["C"]},"then":{"required":["D"]}}]})")),
            (std::vector<std::string>{"B", "A"}));
  EXPECT_TRUE(requiredSettingNames(std::nullopt).empty());
  EXPECT_TRUE(requiredSettingNames(std::string("{\"required\": ")).empty());
  EXPECT_TRUE(requiredSettingNames(std::string(R"({"required":"A"})")).empty());
  EXPECT_TRUE(requiredSettingNames(std::string(R"(["A"])")).empty());
}

TEST(RequiredSettings, WithoutAPlatformFileTheErrorIsOneLineNamingTheOptionAndTheSettings) {
  EXPECT_NO_THROW(requirePlatformFile("import", "T", std::string(R"({"type":"object"})")));
  EXPECT_NO_THROW(requirePlatformFile("import", "T", std::nullopt));
  try {
    requirePlatformFile("import", "My Job", std::string(R"({"required":["Sub\nscription","Workspace"]})"));
    FAIL() << "no error";
  } catch (const UsageError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_EQ(message.rfind("import needs the option --platform FILE", 0), 0u) << message;
    EXPECT_NE(message.find("\"Workspace\""), std::string::npos) << message;
    EXPECT_NE(message.find("\"My Job\""), std::string::npos) << message;
  }
}

}  // namespace
