#include "polysync_host/CommandOptions.h"

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>
#include <polysync/jobtype_v1/base.h>

#include <cmath>
#include <cstdlib>
#include <map>

#include "polysync_host/Errors.h"
#include "polysync_host/Logger.h"

namespace polysync::host {
namespace {

using Poco::Util::Option;

constexpr const char* kHelpHint = "; run 'polysync-host-stub --help' for the usage";

// For a problem with a known command: its own help lists what it takes.
std::string commandHint(const std::string& command) {
  return "; run 'polysync-host-stub help " + command + "' for its options";
}

const std::set<std::string> kGlobalOptions{"plugin-dir",      "platform",     "json", "log-level", "verbose",
                                           "host-token-file", "call-timeout", "help", "version"};

struct CommandRule {
  std::set<std::string> allowed;
  std::set<std::string> required;
  size_t arguments;  // positional arguments after the command word
  const char* argumentName;
};

const std::map<std::string, CommandRule>& commandRules() {
  static const std::map<std::string, CommandRule> rules{
      {"plugins", {{}, {}, 0, ""}},
      {"test-connection", {{"job-type"}, {"job-type"}, 0, ""}},
      {"import", {{"job-type", "filter"}, {"job-type"}, 0, ""}},
      {"run",
       {{"job-type", "external-id", "name", "param", "output", "param-file", "attr", "idempotency-key",
         "wait", "poll-interval", "timeout", "cancel-on-timeout"},
        {"job-type", "external-id"},
        0,
        ""}},
      {"poll", {{"job-type", "output", "param-file"}, {"job-type"}, 1, "RUN_ID"}},
      {"cancel", {{"job-type", "output", "param-file"}, {"job-type"}, 1, "RUN_ID"}},
      {"check-plugin", {{"job-type", "external-id"}, {}, 1, "DIR_OR_SO"}},
  };
  return rules;
}

Option valued(const char* name, const char* argument, const char* description, bool repeatable = false) {
  return Option(name, "", description).required(false).repeatable(repeatable).argument(argument, true);
}

Option flag(const char* name, const char* shortName, const char* description) {
  // Saying a flag twice is harmless, so it is allowed.
  return Option(name, shortName, description).required(false).repeatable(true);
}

}  // namespace

void defineCommandOptions(Poco::Util::OptionSet& options) {
  options.addOption(
      valued("plugin-dir", "DIR",
             "plugin folder (default: $POLYSYNC_PLUGIN_DIR, else the one installed beside this program)"));
  options.addOption(
      valued("platform", "FILE",
             "connection settings: a JSON object by Polysync name, e.g. {\"Subscription Id\": \"...\"}"));
  options.addOption(
      flag("json", "", "print exactly one JSON document on stdout, failures too; logs stay on stderr"));
  options.addOption(valued("log-level", "LEVEL", "trace, debug, info (default), warn or error"));
  options.addOption(flag("verbose", "v", "same as --log-level debug"));
  options.addOption(
      valued("host-token-file", "FILE",
             "the host's own token (else $POLYSYNC_HOST_TOKEN, or the file in $POLYSYNC_HOST_TOKEN_FILE)"));
  options.addOption(valued("call-timeout", "S",
                           "deadline of each plugin call in seconds (default 120; 0 = none); then Timeout"));
  options.addOption(flag("help", "h", "show this help; with a command, that command's"));
  options.addOption(
      flag("version", "", "show the stub host's version and the plugin ABI version it implements"));
  options.addOption(
      valued("job-type", "T", "the job type: its id or display name (any case), as 'plugins' lists it"));
  options.addOption(
      valued("filter", "TAG",
             "only the jobs tagged with this tag key (default: the plugin's own, e.g. Discovery Tag)"));
  options.addOption(valued("external-id", "ID", "the job to run: an external id as 'import' lists it"));
  options.addOption(
      valued("name", "DISPLAY", "the run's display name on the platform (default: the external id)"));
  options.addOption(valued(
      "param", "NAME[:TYPE]=VALUE",
      "an Input; TYPE String (default), Secret, Int, Float, Bool, JSON or JsonArray; repeatable", true));
  options.addOption(valued("output", "NAME",
                           "an Output parameter: the run's value is written back and printed; repeatable",
                           true));
  options.addOption(
      valued("param-file", "FILE",
             "a JSON array of {\"name\",\"direction\",\"type\",\"value\"}; direction Input, Output or "
             "Input&Output"));
  options.addOption(valued("attr", "NAME=VALUE",
                           "a job attribute, e.g. --attr \"AI Foundry Compute Name=cpu-cluster\"; repeatable",
                           true));
  options.addOption(
      valued("idempotency-key", "KEY",
             "submit again with the same key to get the same run, not a second one (default: a new UUID)"));
  options.addOption(flag(
      "wait", "", "poll the run until it ends; the exit code tells how (0 Success, 4 Failed, 5 Cancelled)"));
  options.addOption(
      valued("poll-interval", "S",
             "with --wait: longest pause between polls, seconds (default: the plugin's hint, at least 1 s)"));
  options.addOption(valued(
      "timeout", "S", "with --wait: stop waiting after S seconds, exit 6; the run goes on unless cancelled"));
  options.addOption(flag("cancel-on-timeout", "",
                         "with --wait --timeout: cancel the run when the wait times out (still exit 6)"));
}

std::chrono::milliseconds parseSeconds(const std::string& value, const std::string& option, bool positive) {
  char* end = nullptr;
  const double seconds = value.empty() ? NAN : std::strtod(value.c_str(), &end);
  if (!std::isfinite(seconds) || (end && *end != '\0') || seconds < 0 || (positive && seconds <= 0) ||
      seconds > 1e9) {
    throw UsageError("--" + option + " \"" + value + "\" is not a valid number of seconds; write e.g. --" +
                     option + (positive ? " 0.5" : " 30"));
  }
  const auto ms = static_cast<int64_t>(std::llround(seconds * 1000.0));
  return std::chrono::milliseconds(positive && ms == 0 ? 1 : ms);
}

void CommandOptions::apply(const std::string& option, const std::string& value) {
  // The options that keep their value as given, add it to a list, or are flags.
  static const std::map<std::string, std::optional<std::string> CommandOptions::*> kTexts{
      {"plugin-dir", &CommandOptions::pluginDir},
      {"platform", &CommandOptions::platformFile},
      {"host-token-file", &CommandOptions::hostTokenFile},
      {"job-type", &CommandOptions::jobType},
      {"filter", &CommandOptions::filter},
      {"external-id", &CommandOptions::externalId},
      {"name", &CommandOptions::name},
      {"param-file", &CommandOptions::paramFile},
      {"idempotency-key", &CommandOptions::idempotencyKey}};
  static const std::map<std::string, std::vector<std::string> CommandOptions::*> kLists{
      {"param", &CommandOptions::params},
      {"output", &CommandOptions::outputs},
      {"attr", &CommandOptions::attrs}};
  static const std::map<std::string, bool CommandOptions::*> kFlags{
      {"json", &CommandOptions::json},
      {"help", &CommandOptions::help},
      {"version", &CommandOptions::version},
      {"wait", &CommandOptions::wait},
      {"cancel-on-timeout", &CommandOptions::cancelOnTimeout}};

  given.insert(option);
  if (const auto text = kTexts.find(option); text != kTexts.end()) {
    this->*text->second = value;
  } else if (const auto list = kLists.find(option); list != kLists.end()) {
    (this->*list->second).push_back(value);
  } else if (const auto flag = kFlags.find(option); flag != kFlags.end()) {
    this->*flag->second = true;
  } else if (option == "log-level") {
    logLevel = parseLogLevel(value);
    if (!logLevel)
      throw UsageError("--log-level \"" + value + "\" is unknown; use trace, debug, info, warn or error");
  } else if (option == "verbose") {
    logLevel = PSJ_LOG_DEBUG;
  } else if (option == "call-timeout") {
    callTimeout = parseSeconds(value, option, false);
  } else if (option == "poll-interval") {
    pollInterval = parseSeconds(value, option, true);
  } else if (option == "timeout") {
    timeout = parseSeconds(value, option, true);
  }
}

const std::vector<std::string>& commandNames() {
  static const std::vector<std::string> names{"plugins", "test-connection", "import",      "run",
                                              "poll",    "cancel",          "check-plugin"};
  return names;
}

std::set<std::string> commandOptionNames(const std::string& command) {
  const auto rule = commandRules().find(command);
  return rule == commandRules().end() ? std::set<std::string>() : rule->second.allowed;
}

const std::set<std::string>& globalOptionNames() { return kGlobalOptions; }

void CommandOptions::validate() const {
  const std::string cmd = command();
  if (cmd.empty())
    throw UsageError(
        std::string("no command given; use plugins, test-connection, import, run, poll, cancel or "
                    "check-plugin") +
        kHelpHint);
  const auto rule = commandRules().find(cmd);
  if (rule == commandRules().end()) {
    throw UsageError("unknown command \"" + cmd +
                     "\"; use plugins, test-connection, import, run, poll, cancel or check-plugin (or help)");
  }
  for (const auto& option : given) {
    if (!kGlobalOptions.count(option) && !rule->second.allowed.count(option)) {
      throw UsageError("option --" + option + " does not apply to " + cmd + commandHint(cmd));
    }
  }
  for (const auto& option : rule->second.required) {
    if (!given.count(option)) throw UsageError(cmd + " needs --" + option + commandHint(cmd));
  }
  if (cmd == "check-plugin" && given.count("plugin-dir")) {
    throw UsageError(
        "check-plugin takes the plugin folder (or .so) as its argument, not --plugin-dir; write "
        "check-plugin DIR" +
        commandHint(cmd));
  }
  if (cmd == "run" && !wait) {
    for (const char* option : {"poll-interval", "timeout", "cancel-on-timeout"}) {
      if (given.count(option))
        throw UsageError(std::string("--") + option + " only applies with --wait; add --wait");
    }
  }
  const size_t arguments = positional.size() - 1;
  if (arguments < rule->second.arguments)
    throw UsageError(cmd + " needs " + rule->second.argumentName + commandHint(cmd));
  if (arguments > rule->second.arguments) {
    throw UsageError("unexpected argument \"" + positional[rule->second.arguments + 1] + "\" for " + cmd +
                     commandHint(cmd));
  }
}

void rethrowOptionError() {
  try {
    throw;
  } catch (const Poco::Util::UnknownOptionException& e) {
    throw UsageError("unknown option --" + e.message() + kHelpHint);
  } catch (const Poco::Util::AmbiguousOptionException& e) {
    throw UsageError("ambiguous option --" + e.message() + "; write the option's full name");
  } catch (const Poco::Util::MissingArgumentException& e) {
    throw UsageError("option --" + e.message() + kHelpHint);
  } catch (const Poco::Util::UnexpectedArgumentException& e) {
    throw UsageError("option --" + e.message() + " takes no value" + kHelpHint);
  } catch (const Poco::Util::DuplicateOptionException& e) {
    throw UsageError("option --" + e.message() + " may be given only once");
  } catch (const Poco::Util::OptionException& e) {
    throw UsageError(e.displayText() + kHelpHint);
  }
}

CommandOptions parseCommandLine(const std::vector<std::string>& args) {
  Poco::Util::OptionSet set;
  defineCommandOptions(set);
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  CommandOptions options;
  try {
    for (const auto& arg : args) {
      std::string name, value;
      if (processor.process(arg, name, value)) {
        if (!name.empty()) options.apply(name, value);
      } else {
        options.positional.push_back(arg);
      }
    }
    processor.checkRequired();
  } catch (const Poco::Util::OptionException&) {
    rethrowOptionError();
  }
  return options;
}

}  // namespace polysync::host
