// The --json documents: exactly one per command, on stdout. Their shapes are a contract
// (docs/azure-contract.md, "Errors and the ABI"):
//   plugins          {"plugins":[{"id","version","library","libraryPath","manifest","abi":{"major","minor",
//                      "minHostMinor","effectiveMinor"},"jobTypes":[{"id","displayName","capabilities":[...]}]}]}
//   test-connection  {"ok":true,"message"} — or, when the plugin answered an error,
//                    {"ok":false,"message","error":{"code","message"[,"retryAfterMs"]}}
//   import           {"jobs":[{"externalId","name","description","jobType",
//                      "parameters":[{"name","direction","type","default","overridable","description"}]}]}
//   run              {"runId","status":"Starting","providerStatus":null,"monitorUrl"}
//   poll, cancel, run --wait
//                    {"runId","status","providerStatus","startTime","endTime","message","outputs":{},"monitorUrl"}
//                    (+ "timedOut":true and "cancelRequested" when run --wait timed out)
//   any failure      {"error":{"code","message"[,"retryAfterMs"]}}
// Absent values are null; times are ISO 8601 UTC with milliseconds and "Z".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "polysync_host/LoadedPlugin.h"
#include "polysync_host/Results.h"
#include "polysync_host/RunRequest.h"

namespace polysync::host {

// A failure as reported to the user: the JSON code and the exit code.
struct Failure {
  int exitCode = 1;
  std::string code;  // RateLimited ... Internal, Usage, PluginLoad
  std::string message;
  std::optional<int64_t> retryAfterMs;
};

// Classifies the exception in flight (call inside a catch block): UsageError -> Usage/2,
// PluginLoadError -> PluginLoad/3, OperationError -> its code/1, anything else -> Internal/1.
Failure currentFailure();

// "2024-05-01T12:00:00.123Z"
std::string isoTime(int64_t unixMs);

std::string pluginsJson(const std::vector<std::shared_ptr<LoadedPlugin>>& plugins);
std::string testConnectionJson(const std::optional<std::string>& message);
std::string testConnectionFailedJson(const Failure& failure);
std::string importJson(const std::vector<ImportedJob>& jobs);
std::string runSubmittedJson(const RunSubmission& submission);

struct StatusExtras {
  std::set<std::string> secretOutputs;  // outputs whose values are shown as "***"
  bool timedOut = false;
  std::optional<bool> cancelRequested;  // only with timedOut
};
std::string statusJson(const RunStatus& status, const StatusExtras& extras = {});

std::string errorJson(const Failure& failure);

// The names of the secret parameters, for StatusExtras::secretOutputs.
std::set<std::string> secretNames(const std::vector<RunParameter>& parameters);

}  // namespace polysync::host
