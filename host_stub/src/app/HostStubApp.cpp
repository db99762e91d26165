#include "HostStubApp.h"

#include <Poco/Util/OptionSet.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "polysync_host/CommandHelp.h"
#include "polysync_host/CommandRunner.h"
#include "polysync_host/ExitCodes.h"
#include "polysync_host/Logger.h"
#include "polysync_host/ResultJson.h"
#include "polysync_host/ResultText.h"
#include "polysync_host/TerminalText.h"

namespace polysync::host {
namespace {

std::string executableDir(const std::string& fallback) {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? fallback : exe.parent_path().string();
}

// What --version, --help, CMD --help and help [CMD] print; nullopt when the command line asks for none of
// them. Throws UsageError for help about a command that does not exist.
std::optional<std::string> informationText(const CommandOptions& options) {
  if (options.version) return versionText();
  const std::string cmd = options.command();
  const std::vector<std::string> rest(options.positional.begin() + (cmd.empty() ? 0 : 1),
                                      options.positional.end());
  if (cmd == "help") return helpCommandText(rest);
  if (!options.help) return std::nullopt;
  // --help never fails: with a command this host does not know, the overview lists the ones it does.
  return commandHelp(cmd).value_or(usageText());
}

}  // namespace

HostStubApp::HostStubApp() { setUnixOptions(true); }

void HostStubApp::defineOptions(Poco::Util::OptionSet& options) {
  Application::defineOptions(options);
  defineCommandOptions(options);
}

void HostStubApp::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);
  options_.apply(name, value);
}

int HostStubApp::main(const ArgVec& args) {
  options_.positional = args;
  Logger logger(options_.logLevel.value_or(PSJ_LOG_INFO));
  CommandOutcome outcome;
  try {
    if (const auto text = informationText(options_)) {
      std::cout << *text;
      return kExitOk;
    }
    CommandRunner runner(options_, logger, executableDir(config().getString("application.dir", ".")), true);
    outcome = runner.run();
  } catch (...) {
    const Failure failure = currentFailure();
    outcome =
        CommandOutcome{failure.exitCode, options_.json ? errorJson(failure) + "\n" : "", errorText(failure)};
  }
  writeOutcome(outcome, options_.json);
  return outcome.exitCode;
}

}  // namespace polysync::host
