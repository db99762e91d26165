// The command line of polysync-host-stub (a contract; see usageText() in CommandHelp.h):
//   polysync-host-stub [--plugin-dir DIR] [--platform FILE] [--json] COMMAND ...
// Options are defined once, in a Poco::Util::OptionSet, and may appear before or after the command.
// Every problem is a UsageError: one line saying what is wrong and how to fix it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace Poco::Util {
class OptionSet;
}

namespace polysync::host {

struct CommandOptions {
  // Global
  std::optional<std::string> pluginDir;
  std::optional<std::string> platformFile;
  std::optional<std::string> hostTokenFile;
  bool json = false;
  bool help = false;
  bool version = false;
  std::optional<int32_t> logLevel;                // PSJ_LOG_*; -v means debug
  std::chrono::milliseconds callTimeout{120000};  // per callback; 0 = none

  // Per command
  std::optional<std::string> jobType;
  std::optional<std::string> filter;
  std::optional<std::string> externalId;
  std::optional<std::string> name;
  std::vector<std::string> params;  // NAME[:TYPE]=VALUE, parsed later
  std::vector<std::string> outputs;
  std::optional<std::string> paramFile;
  std::vector<std::string> attrs;  // NAME=VALUE
  std::optional<std::string> idempotencyKey;
  bool wait = false;
  std::optional<std::chrono::milliseconds> pollInterval;
  std::optional<std::chrono::milliseconds> timeout;
  bool cancelOnTimeout = false;

  std::vector<std::string> positional;  // COMMAND [RUN_ID]
  std::set<std::string> given;          // full names of the options seen

  // Records one option (its full name, as in the OptionSet). Throws UsageError for a malformed value.
  void apply(const std::string& name, const std::string& value);

  // The command word ("" when none).
  std::string command() const { return positional.empty() ? std::string() : positional.front(); }
  // The run id of poll and cancel.
  std::string runId() const { return positional.size() > 1 ? positional[1] : std::string(); }

  // Checks the command exists, its required options and arguments are there, and no option of another
  // command was given. Throws UsageError.
  void validate() const;
};

// Adds every option to `options` (the Poco::Util::Application's set), in the order the help lists them, each
// described by its line of help (what it does, its default).
void defineCommandOptions(Poco::Util::OptionSet& options);

// The commands, in the order the help lists them ("help" itself is not one of them).
const std::vector<std::string>& commandNames();
// The full names of the options `command` takes besides the global ones (empty for an unknown command).
std::set<std::string> commandOptionNames(const std::string& command);
// The full names of the options every command takes.
const std::set<std::string>& globalOptionNames();

// Parses `args` (without the program name) the way Poco::Util::Application does, with the same OptionSet.
// Translates Poco's option errors into UsageError. Does not validate().
CommandOptions parseCommandLine(const std::vector<std::string>& args);

// Turns the Poco::Util::OptionException in flight into a UsageError (call inside a catch block).
[[noreturn]] void rethrowOptionError();

// "1.5" -> 1500 ms. Throws UsageError naming `option` unless a finite number >= 0 (> 0 when `positive`).
std::chrono::milliseconds parseSeconds(const std::string& value, const std::string& option, bool positive);

}  // namespace polysync::host
