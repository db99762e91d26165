#include "HostStubApp.h"

#include <Poco/Util/OptionSet.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

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
  if (options_.help) {
    std::cout << usageText();
    return kExitOk;
  }
  Logger logger(options_.logLevel.value_or(PSJ_LOG_INFO));
  CommandOutcome outcome;
  try {
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
