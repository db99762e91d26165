#include "polysync_host/CommandRunner.h"

#include <Poco/UUIDGenerator.h>
#include <unistd.h>

#include "polysync_host/AbiNames.h"
#include "polysync_host/Errors.h"
#include "polysync_host/ExitCodes.h"
#include "polysync_host/ParameterParsing.h"
#include "polysync_host/PlatformConnection.h"
#include "polysync_host/PlatformSettings.h"
#include "polysync_host/PluginDirectory.h"
#include "polysync_host/RequiredSettings.h"
#include "polysync_host/ResultJson.h"
#include "polysync_host/ResultText.h"
#include "polysync_host/RunWaiter.h"
#include "polysync_host/StatusDisplay.h"
#include "polysync_host/check/PluginCheck.h"

namespace polysync::host {

CommandRunner::CommandRunner(CommandOptions options, Logger& logger, std::string exeDir, bool handleSignals)
    : options_(std::move(options)),
      logger_(logger),
      exeDir_(std::move(exeDir)),
      services_(logger_, TokenSource(options_.hostTokenFile)),
      watcher_(logger_),
      registry_(services_) {
  if (handleSignals) watcher_.installSignalHandlers();
}

CommandRunner::~CommandRunner() = default;

CommandOutcome CommandRunner::fail(const Failure& failure) const {
  CommandOutcome outcome;
  outcome.exitCode = failure.exitCode;
  outcome.err = errorText(failure);
  if (options_.json) outcome.out = errorJson(failure) + "\n";
  return outcome;
}

CommandOutcome CommandRunner::run() {
  try {
    options_.validate();
    return dispatch();
  } catch (...) {
    return fail(currentFailure());
  }
}

CommandOutcome CommandRunner::dispatch() {
  const std::string cmd = options_.command();
  if (cmd == "check-plugin") return checkPlugin();  // its folder is its argument, not --plugin-dir
  registry_.scan(resolvePluginDir(options_.pluginDir, exeDir_));
  if (cmd == "plugins") return plugins();
  if (cmd == "test-connection") return testConnection();
  if (cmd == "import") return importJobs();
  if (cmd == "run") return runJob();
  return pollOrCancel(cmd == "cancel");
}

CommandOutcome CommandRunner::plugins() {
  const auto loaded = registry_.loadAll();
  const auto& refusals = registry_.refusals();
  // The good plugins are listed whatever else is in the folder; each refusal is one line on stderr, and any
  // refusal makes the exit code 3 so that a script checking an installation notices.
  std::string err;
  for (const auto& refusal : refusals)
    err += errorText(Failure{kExitPluginLoad, "PluginLoad", refusal.reason, std::nullopt});
  return CommandOutcome{refusals.empty() ? kExitOk : kExitPluginLoad,
                        options_.json ? pluginsJson(loaded, refusals) + "\n" : pluginsText(loaded, refusals),
                        err};
}

std::unique_ptr<PlatformConnection> CommandRunner::connect() {
  const auto resolved = registry_.resolveJobType(*options_.jobType);
  // Named before the plugin runs, which would only say which setting is missing.
  if (!options_.platformFile)
    requirePlatformFile(options_.command(), resolved.jobType->displayName, resolved.jobType->settingsSchema);
  std::vector<Setting> settings;
  if (options_.platformFile) {
    settings =
        readPlatformSettings(*options_.platformFile, secretSettingNames(resolved.jobType->settingsSchema));
  }
  for (const auto& s : settings) {
    logger_.log(PSJ_LOG_DEBUG, "setting \"" + s.key + "\" = " + (s.secret ? std::string("***") : s.value),
                "host");
  }
  CallOptions call;
  call.callTimeout = options_.callTimeout;
  return std::make_unique<PlatformConnection>(resolved.plugin, *resolved.jobType, settings, &watcher_, call);
}

CommandOutcome CommandRunner::testConnection() {
  std::unique_ptr<PlatformConnection> connection;
  std::optional<std::string> message;
  try {
    connection = connect();
    message = connection->testConnection();
  } catch (const OperationError&) {
    // The platform answered "not ok": still the test-connection document, with ok false and the error.
    const Failure failure = currentFailure();
    CommandOutcome outcome = fail(failure);
    if (options_.json) outcome.out = testConnectionFailedJson(failure) + "\n";
    return outcome;
  }
  return CommandOutcome{kExitOk,
                        options_.json ? testConnectionJson(message) + "\n" : testConnectionText(message), ""};
}

CommandOutcome CommandRunner::importJobs() {
  const auto connection = connect();
  const auto jobs = connection->importJobs(options_.filter.value_or(""));
  return CommandOutcome{kExitOk, options_.json ? importJson(jobs) + "\n" : importText(jobs), ""};
}

std::vector<RunParameter> CommandRunner::runParameters(bool withInputs) const {
  std::vector<RunParameter> parameters;
  if (options_.paramFile) parameters = readParamFile(*options_.paramFile);
  if (withInputs) {
    for (const auto& spec : options_.params) parameters.push_back(parseParamOption(spec));
  }
  for (const auto& name : options_.outputs) parameters.push_back(outputParameter(name));
  checkUniqueNames(parameters);
  return parameters;
}

CommandOutcome CommandRunner::runJob() {
  RunRequest request;
  request.externalId = *options_.externalId;
  request.displayName = options_.name.value_or(request.externalId);
  request.parameters = runParameters(true);
  for (const auto& spec : options_.attrs) request.attributes.push_back(parseAttribute(spec));
  if (options_.idempotencyKey) {
    request.idempotencyKey = *options_.idempotencyKey;
  } else {
    request.idempotencyKey = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    logger_.log(PSJ_LOG_DEBUG,
                "idempotency key " + request.idempotencyKey + " (pass --idempotency-key to reuse it)",
                "host");
  }
  for (const auto& p : request.parameters) {
    logger_.log(PSJ_LOG_DEBUG,
                std::string("parameter ") + p.name + " " + directionName(p.direction) + " " +
                    dataTypeName(p.dataType) + " = " + displayValue(p),
                "host");
  }

  const auto connection = connect();
  const RunSubmission submission = connection->run(request);
  // Debug, and no claim of a submission: with an idempotency key the job type may have found the run of an
  // earlier attempt instead (it logs which of the two it did).
  logger_.log(PSJ_LOG_DEBUG, "the job type answered with run " + submission.runId, "host");
  if (!options_.wait) {
    return CommandOutcome{
        kExitOk, options_.json ? runSubmittedJson(submission) + "\n" : runSubmittedText(submission), ""};
  }

  StatusDisplayOptions look;
  look.live = ::isatty(STDERR_FILENO) == 1;
  look.resultFollows = !options_.json && ::isatty(STDOUT_FILENO) == 1;
  look.redrawEvery = std::chrono::milliseconds(1000);  // the clock moves even while a poll takes long
  StatusDisplay display(logger_, look);
  if (submission.monitorUrl) display.monitorUrl(submission.runId, *submission.monitorUrl);
  WaitOptions wait{options_.pollInterval, options_.timeout, options_.cancelOnTimeout};
  const WaitResult result =
      RunWaiter(*connection, watcher_, display, wait).wait(submission.runId, request.parameters);
  display.finish();

  StatusExtras extras;
  extras.secretOutputs = secretNames(request.parameters);
  extras.timedOut = result.timedOut;
  if (result.timedOut) extras.cancelRequested = result.cancelRequested;
  RunStatus status = result.status;
  if (!status.monitorUrl) status.monitorUrl = submission.monitorUrl;
  const int exitCode = result.timedOut ? kExitWaitTimedOut : exitCodeForTerminalState(status.state);
  return CommandOutcome{exitCode,
                        options_.json ? statusJson(status, extras) + "\n" : statusText(status, extras), ""};
}

CommandOutcome CommandRunner::pollOrCancel(bool cancel) {
  const std::string runId = options_.runId();
  const auto parameters = runParameters(false);
  const auto connection = connect();
  const RunStatus status =
      cancel ? connection->cancel(runId, parameters) : connection->poll(runId, parameters);
  StatusExtras extras;
  extras.secretOutputs = secretNames(parameters);
  return CommandOutcome{kExitOk,
                        options_.json ? statusJson(status, extras) + "\n" : statusText(status, extras), ""};
}

CommandOutcome CommandRunner::checkPlugin() {
  check::PluginCheckOptions check;
  check.target = options_.positional.at(1);
  check.platformFile = options_.platformFile;
  check.jobType = options_.jobType;
  check.externalId = options_.externalId;
  check.callTimeout = options_.callTimeout;
  const check::CheckReport report = check::checkPlugins(check, services_);
  return CommandOutcome{
      report.failed == 0 ? kExitOk : kExitChecksFailed,
      options_.json ? check::checkReportJson(report) + "\n" : check::checkReportText(report), ""};
}

}  // namespace polysync::host
