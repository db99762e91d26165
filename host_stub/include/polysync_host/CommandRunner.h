// Runs one polysync-host-stub command: resolves the plugin folder, loads what the command needs, drives the
// callbacks and turns the result into the exit code and the text for stdout (a JSON document with --json).
// Never throws: every failure becomes a Failure (see ResultJson.h) with its one-line message.
#pragma once

#include <memory>
#include <string>

#include "polysync_host/CommandOptions.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/InterruptWatcher.h"
#include "polysync_host/Logger.h"
#include "polysync_host/PluginRegistry.h"
#include "polysync_host/ResultJson.h"
#include "polysync_host/RunRequest.h"

namespace polysync::host {

class PlatformConnection;

struct CommandOutcome {
  int exitCode = 0;
  std::string out;  // for stdout
  std::string err;  // the failure's one line for stderr (empty on success)
};

class CommandRunner {
 public:
  // `exeDir` anchors the default plugin folder. With `handleSignals`, SIGINT/SIGTERM interrupt running
  // plugin calls and a wait (the host, never a plugin, installs signal handlers).
  CommandRunner(CommandOptions options, Logger& logger, std::string exeDir, bool handleSignals);
  ~CommandRunner();

  // Validates the options and runs the command.
  CommandOutcome run();

 private:
  CommandOutcome dispatch();
  CommandOutcome plugins();
  CommandOutcome testConnection();
  CommandOutcome importJobs();
  CommandOutcome runJob();
  CommandOutcome pollOrCancel(bool cancel);
  CommandOutcome checkPlugin();
  CommandOutcome fail(const Failure& failure) const;

  std::unique_ptr<PlatformConnection> connect();
  std::vector<RunParameter> runParameters(bool withInputs) const;

  CommandOptions options_;
  Logger& logger_;
  std::string exeDir_;
  HostServices services_;
  InterruptWatcher watcher_;
  PluginRegistry registry_;  // after services_: plugins deinit before the host table goes away
};

}  // namespace polysync::host
