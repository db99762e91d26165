// The help of polysync-host-stub: the overview (--help, help), one command's help (CMD --help, help CMD:
// synopsis, every option it takes in one line, an example) and the --version line. Text for stdout.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace polysync::host {

// The overview: the commands, the global options, the exit codes.
std::string usageText();

// `command`'s help; nullopt for a command that does not exist.
std::optional<std::string> commandHelp(const std::string& command);

// The help asked for by `help [COMMAND]` (`words` without the word "help"). Throws UsageError for an unknown
// command or more than one word.
std::string helpCommandText(const std::vector<std::string>& words);

// "polysync-host-stub 0.1.0 (polysync_jobtype_v1 1.0)\n": this host's version and the ABI version it
// implements.
std::string versionText();

}  // namespace polysync::host
