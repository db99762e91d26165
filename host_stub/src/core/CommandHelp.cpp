#include "polysync_host/CommandHelp.h"

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <polysync/jobtype_v1/base.h>

#include <map>
#include <set>
#include <stdexcept>

#include "polysync_host/CommandOptions.h"
#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"

namespace polysync::host {
namespace {

struct CommandText {
  const char* synopsis;  // after "polysync-host-stub "
  const char* summary;
  const char* example;  // after "polysync-host-stub "
};

const std::map<std::string, CommandText>& commandTexts() {
  static const std::map<std::string, CommandText> texts{
      {"plugins",
       {"plugins", "Lists the plugins in the plugin folder with their job types; names each one refused.",
        "--plugin-dir ./plugins plugins"}},
      {"test-connection",
       {"test-connection --job-type T --platform FILE",
        "Signs in with the --platform settings and reads the platform, or says what is wrong.",
        "--platform workspace.json test-connection --job-type \"AI Foundry Pipeline Job\""}},
      {"import",
       {"import --job-type T --platform FILE [--filter TAG]",
        "Lists the platform's jobs that can be run, with their parameters.",
        "--platform workspace.json import --job-type \"AI Foundry Pipeline Job\" --filter polysync"}},
      {"run",
       {"run --job-type T --platform FILE --external-id ID [--name DISPLAY]\n"
        "          [--param NAME[:TYPE]=VALUE]... [--output NAME]... [--param-file FILE] [--attr "
        "NAME=VALUE]...\n"
        "          [--idempotency-key KEY] [--wait [--poll-interval S] [--timeout S [--cancel-on-timeout]]]",
        "Submits a run of an imported job and prints its run id; --wait follows it until it ends.",
        "--platform workspace.json run --job-type \"AI Foundry Pipeline Job\" --external-id train \\\n"
        "      --param epochs:Int=3 --output model --wait --timeout 3600 --cancel-on-timeout"}},
      {"poll",
       {"poll --job-type T --platform FILE RUN_ID [--output NAME]... [--param-file FILE]",
        "Prints a run's status once, with the Output parameters asked for.",
        "--platform workspace.json poll --job-type \"AI Foundry Pipeline Job\" RUN_ID --output model"}},
      {"cancel",
       {"cancel --job-type T --platform FILE RUN_ID [--output NAME]... [--param-file FILE]",
        "Asks the platform to cancel a run and prints the status that follows.",
        "--platform workspace.json cancel --job-type \"AI Foundry Pipeline Job\" RUN_ID"}},
      {"check-plugin",
       {"check-plugin DIR_OR_SO [--platform FILE] [--job-type T] [--external-id ID]",
        "Runs the ABI conformance checks on a plugin folder or a .so; ends with \"N passed, M failed\".",
        "--platform settings.json check-plugin build/plugins --external-id template"}},
  };
  return texts;
}

constexpr size_t kOptionColumn = 28;

// "-v, --verbose", "--param NAME[:TYPE]=VALUE": an option as the help shows it.
std::string shownAs(const Poco::Util::Option& option) {
  std::string shown = option.shortName().empty() ? "" : "-" + option.shortName() + ", ";
  shown += "--" + option.fullName();
  if (option.takesArgument()) shown += " " + option.argumentName();
  return shown;
}

// The lines of `names`, in the order defineCommandOptions defines them, each with the option's description.
// An option that is not defined is a bug: it throws.
std::string optionLines(std::set<std::string> names) {
  Poco::Util::OptionSet options;
  defineCommandOptions(options);
  std::string text;
  for (const auto& option : options) {
    if (!names.erase(option.fullName())) continue;
    std::string line = "  " + shownAs(option);
    line += line.size() + 2 <= kOptionColumn ? std::string(kOptionColumn - line.size(), ' ') : "  ";
    text += line + option.description() + "\n";
  }
  if (!names.empty()) throw std::logic_error("option --" + *names.begin() + " is not defined");
  return text;
}

std::string knownCommands() {
  std::string list;
  for (const auto& name : commandNames()) list += (list.empty() ? "" : ", ") + name;
  return list;
}

}  // namespace

std::string usageText() {
  std::string text =
      "usage: polysync-host-stub [OPTION]... COMMAND [ARGUMENT]...\n"
      "       polysync-host-stub help [COMMAND]   |   COMMAND --help   |   --version\n"
      "\n"
      "Loads polysync_jobtype_v1 plugins the way the Polysync runtime does and drives their callbacks.\n"
      "\n"
      "commands:\n";
  for (const auto& name : commandNames()) {
    text += "  " + name + std::string(18 - name.size(), ' ') + commandTexts().at(name).summary + "\n";
  }
  text += "  help [COMMAND]    this overview, or a command's options with an example\n";
  text += "\nglobal options (before or after the command):\n" + optionLines(globalOptionNames());
  text +=
      "\nA command that talks to the platform (all but plugins and check-plugin) needs --platform FILE when "
      "the\n"
      "job type has required settings. Run 'polysync-host-stub help COMMAND' for its options.\n"
      "\nexit codes: 0 success; 1 the operation failed; 2 usage error; 3 plugin or ABI load error;\n"
      "            run --wait: 0 Success, 4 Failed, 5 Cancelled, 6 the wait timed out;\n"
      "            check-plugin: 0 every check passed or was skipped, 7 a check failed\n";
  return text;
}

std::optional<std::string> commandHelp(const std::string& command) {
  const auto found = commandTexts().find(command);
  if (found == commandTexts().end()) return std::nullopt;
  const CommandText& text = found->second;
  std::string help = std::string("usage: polysync-host-stub ") + text.synopsis + "\n\n" + text.summary + "\n";
  const auto own = commandOptionNames(command);
  if (!own.empty()) help += "\noptions:\n" + optionLines(own);
  help += "\nglobal options:\n" + optionLines(globalOptionNames());
  help += std::string("\nexample:\n  polysync-host-stub ") + text.example + "\n";
  return help;
}

std::string helpCommandText(const std::vector<std::string>& words) {
  if (words.empty()) return usageText();
  if (words.size() > 1)
    throw UsageError("help takes one command, not \"" + oneLineDetail(words[1]) +
                     "\"; write e.g. polysync-host-stub help run");
  if (auto help = commandHelp(words.front())) return *help;
  throw UsageError("help: unknown command \"" + oneLineDetail(words.front()) + "\"; use one of " +
                   knownCommands());
}

std::string versionText() {
  return std::string("polysync-host-stub ") + hostVersion() + " (polysync_jobtype_v1 " +
         std::to_string(PSJ_ABI_MAJOR) + "." + std::to_string(PSJ_ABI_MINOR) + ")\n";
}

}  // namespace polysync::host
