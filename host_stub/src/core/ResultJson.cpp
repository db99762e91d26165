#include "polysync_host/ResultJson.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Timestamp.h>

#include <cinttypes>
#include <cstdio>
#include <exception>
#include <sstream>

#include "polysync_host/AbiNames.h"
#include "polysync_host/Errors.h"
#include "polysync_host/ExitCodes.h"
#include "polysync_host/JsonWriter.h"

namespace polysync::host {

// Messages quote what the user or a plugin wrote (a parameter name, a manifest field, a plugin's error),
// which may hold line breaks or terminal control bytes: every failure is shown as one printable line.
constexpr std::size_t kMaxMessageBytes = 4096;

Failure currentFailure() {
  try {
    throw;
  } catch (const UsageError& e) {
    return Failure{kExitUsage, "Usage", oneLineDetail(e.what(), kMaxMessageBytes), std::nullopt};
  } catch (const PluginLoadError& e) {
    return Failure{kExitPluginLoad, "PluginLoad", oneLineDetail(e.what(), kMaxMessageBytes), std::nullopt};
  } catch (const OperationError& e) {
    return Failure{kExitFailed, errorCodeName(e.code()), oneLineDetail(e.what(), kMaxMessageBytes),
                   e.retryAfterMs()};
  } catch (const Poco::Exception& e) {
    return Failure{kExitFailed, "Internal", oneLineDetail(e.displayText(), kMaxMessageBytes), std::nullopt};
  } catch (const std::exception& e) {
    return Failure{kExitFailed, "Internal", oneLineDetail(e.what(), kMaxMessageBytes), std::nullopt};
  } catch (...) {
    return Failure{kExitFailed, "Internal", "unknown error", std::nullopt};
  }
}

std::string isoTime(int64_t unixMs) {
  // Floor division, so times before 1970 keep a positive millisecond part.
  int64_t seconds = unixMs / 1000;
  int64_t ms = unixMs % 1000;
  if (ms < 0) {
    ms += 1000;
    seconds -= 1;
  }
  const Poco::DateTime t(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(seconds)));
  char buf[96];  // room for any int the compiler imagines, so -Wformat-truncation stays quiet
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03" PRId64 "Z", t.year(), t.month(), t.day(),
                t.hour(), t.minute(), t.second(), ms);
  return buf;
}

namespace {

void writeError(JsonWriter& w, const Failure& failure) {
  w.key("error").beginObject();
  w.key("code").value(failure.code);
  w.key("message").value(failure.message);
  if (failure.retryAfterMs) w.key("retryAfterMs").value(*failure.retryAfterMs);
  w.endObject();
}

std::optional<std::string> time(const std::optional<int64_t>& ms) {
  return ms ? std::optional<std::string>(isoTime(*ms)) : std::nullopt;
}

// The job type's settings schema as a JSON value (re-serialised by the parser, so the document stays valid
// whatever the plugin declared), or null when it has none or it is not JSON.
void writeSchema(JsonWriter& w, const std::optional<std::string>& schema) {
  if (!schema) {
    w.null();
    return;
  }
  try {
    Poco::JSON::Parser parser;
    std::ostringstream text;
    Poco::JSON::Stringifier::condense(parser.parse(*schema), text);
    w.rawJson(text.str());
  } catch (const std::exception&) {
    w.null();
  }
}

}  // namespace

std::string pluginsJson(const std::vector<std::shared_ptr<LoadedPlugin>>& plugins,
                        const std::vector<PluginRegistry::Refusal>& refusals) {
  JsonWriter w;
  w.beginObject().key("plugins").beginArray();
  for (const auto& p : plugins) {
    const Manifest& m = p->manifest();
    w.beginObject();
    w.key("id").value(m.id);
    w.key("version").value(m.version);
    w.key("library").value(m.library);
    w.key("libraryPath").value(p->libraryPath());
    w.key("manifest").value(m.path);
    w.key("abi").beginObject();
    w.key("major").value(p->entry().abi_major);
    w.key("minor").value(p->entry().abi_minor);
    w.key("minHostMinor").value(p->entry().min_host_minor);
    w.key("effectiveMinor").value(p->effectiveMinor());
    w.endObject();
    w.key("jobTypes").beginArray();
    for (const auto& jt : p->jobTypes()) {
      w.beginObject();
      w.key("id").value(jt.id);
      w.key("displayName").value(jt.displayName);
      w.key("capabilities").beginArray();
      for (const auto& c : capabilityNames(jt.capabilities)) w.value(c);
      w.endArray();
      w.key("settingsSchema");
      writeSchema(w, jt.settingsSchema);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.key("refused").beginArray();
  for (const auto& refusal : refusals)
    w.beginObject().key("file").value(refusal.file).key("reason").value(refusal.reason).endObject();
  w.endArray();
  if (!refusals.empty())
    writeError(w, Failure{kExitPluginLoad, "PluginLoad", refusals.front().reason, std::nullopt});
  w.endObject();
  return w.str();
}

std::string testConnectionJson(const std::optional<std::string>& message) {
  JsonWriter w;
  w.beginObject().key("ok").value(true).key("message").value(message.value_or("connection OK")).endObject();
  return w.str();
}

std::string testConnectionFailedJson(const Failure& failure) {
  JsonWriter w;
  w.beginObject().key("ok").value(false).key("message").value(failure.message);
  writeError(w, failure);
  w.endObject();
  return w.str();
}

std::string importJson(const std::vector<ImportedJob>& jobs) {
  JsonWriter w;
  w.beginObject().key("jobs").beginArray();
  for (const auto& job : jobs) {
    w.beginObject();
    w.key("externalId").value(job.externalId);
    w.key("name").value(job.name);
    w.key("description").value(job.description);
    w.key("jobType").value(job.jobType);
    w.key("parameters").beginArray();
    for (const auto& p : job.parameters) {
      w.beginObject();
      w.key("name").value(p.name);
      w.key("direction").value(directionName(p.direction));
      w.key("type").value(dataTypeName(p.dataType));
      w.key("default").value(p.defaultValue);
      w.key("overridable").value(p.overridable);
      w.key("description").value(p.description);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
  w.endArray().endObject();
  return w.str();
}

std::string runSubmittedJson(const RunSubmission& submission) {
  JsonWriter w;
  w.beginObject();
  w.key("runId").value(submission.runId);
  w.key("status").value("Starting");
  w.key("providerStatus").null();
  w.key("monitorUrl").value(submission.monitorUrl);
  w.endObject();
  return w.str();
}

std::string statusJson(const RunStatus& status, const StatusExtras& extras) {
  JsonWriter w;
  w.beginObject();
  w.key("runId").value(status.runId);
  w.key("status").value(stateName(status.state));
  w.key("providerStatus").value(status.providerStatus);
  w.key("startTime").value(time(status.startTimeMs));
  w.key("endTime").value(time(status.endTimeMs));
  w.key("message").value(status.message);
  w.key("outputs").beginObject();
  for (const auto& [name, value] : status.outputs) {
    w.key(name).value(extras.secretOutputs.count(name) ? std::string("***") : value);
  }
  w.endObject();
  w.key("monitorUrl").value(status.monitorUrl);
  if (status.progress) {  // absent when the plugin did not report it
    const RunProgress& p = *status.progress;
    w.key("progress").beginObject();
    w.key("stepsTotal").value(static_cast<int64_t>(p.stepsTotal));
    w.key("stepsCompleted").value(static_cast<int64_t>(p.stepsCompleted));
    w.key("stepsRunning").value(static_cast<int64_t>(p.stepsRunning));
    w.key("stepsFailed").value(static_cast<int64_t>(p.stepsFailed));
    w.key("stepsSkipped").value(static_cast<int64_t>(p.stepsSkipped));
    w.key("running").beginArray();
    for (const std::string& name : p.running) w.value(name);
    w.endArray();
    w.endObject();
  }
  if (extras.timedOut) {
    w.key("timedOut").value(true);
    w.key("cancelRequested").value(extras.cancelRequested.value_or(false));
  }
  w.endObject();
  return w.str();
}

std::string errorJson(const Failure& failure) {
  JsonWriter w;
  w.beginObject();
  writeError(w, failure);
  w.endObject();
  return w.str();
}

std::set<std::string> secretNames(const std::vector<RunParameter>& parameters) {
  std::set<std::string> names;
  for (const auto& p : parameters) {
    if (p.secret || p.dataType == PSJ_TYPE_SECRET) names.insert(p.name);
  }
  return names;
}

}  // namespace polysync::host
