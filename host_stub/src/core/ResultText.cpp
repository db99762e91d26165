#include "polysync_host/ResultText.h"

#include <sstream>

#include "polysync_host/AbiNames.h"
#include "polysync_host/StatusDisplay.h"

namespace polysync::host {

std::string pluginsText(const std::vector<std::shared_ptr<LoadedPlugin>>& plugins,
                        const std::vector<PluginRegistry::Refusal>& refusals) {
  std::ostringstream out;
  if (plugins.empty()) out << (refusals.empty() ? "no plugins installed\n" : "no plugin loaded\n");
  for (const auto& p : plugins) {
    out << p->manifest().id << ' ' << p->manifest().version << "  ABI 1." << p->entry().abi_minor
        << " (negotiated 1." << p->effectiveMinor() << ")  " << p->libraryPath() << '\n';
    for (const auto& jt : p->jobTypes()) {
      out << "  " << jt.displayName << "  [" << jt.id << "]";
      std::string sep = "  ";
      for (const auto& c : capabilityNames(jt.capabilities)) {
        out << sep << c;
        sep = ",";
      }
      out << '\n';
    }
  }
  for (const auto& refusal : refusals) out << "refused " << refusal.file << '\n';
  return out.str();
}

std::string testConnectionText(const std::optional<std::string>& message) {
  return "connection OK" + (message ? ": " + *message : std::string()) + "\n";
}

std::string importText(const std::vector<ImportedJob>& jobs) {
  std::ostringstream out;
  out << jobs.size() << (jobs.size() == 1 ? " job" : " jobs") << '\n';
  for (const auto& job : jobs) {
    out << job.externalId << "  \"" << job.name << "\"  (" << job.jobType << ")\n";
    if (!job.description.empty()) out << "  " << job.description << '\n';
    for (const auto& p : job.parameters) {
      out << "  - " << p.name << "  " << directionName(p.direction) << ' ' << dataTypeName(p.dataType);
      if (p.defaultValue) out << "  default " << (p.dataType == PSJ_TYPE_SECRET ? "***" : *p.defaultValue);
      if (!p.overridable) out << "  (not overridable)";
      out << '\n';
    }
  }
  return out.str();
}

std::string runSubmittedText(const RunSubmission& submission) {
  std::string text = "submitted run " + submission.runId + "\n";
  if (submission.monitorUrl) text += "monitor: " + *submission.monitorUrl + "\n";
  return text;
}

std::string statusText(const RunStatus& status, const StatusExtras& extras) {
  std::ostringstream out;
  out << "run " << status.runId << ": " << stateName(status.state);
  if (status.providerStatus) out << " (" << *status.providerStatus << ")";
  out << '\n';
  if (extras.timedOut) {
    out << "the wait timed out"
        << (extras.cancelRequested.value_or(false) ? "; cancellation requested" : "; the run goes on")
        << '\n';
  }
  if (status.startTimeMs) out << "started:  " << isoTime(*status.startTimeMs) << '\n';
  if (status.endTimeMs) out << "ended:    " << isoTime(*status.endTimeMs) << '\n';
  if (status.progress) {
    const std::string progress = StatusDisplay::formatProgress(*status.progress);
    if (!progress.empty()) out << "progress: " << progress << '\n';
  }
  if (status.message) out << "message:  " << *status.message << '\n';
  for (const auto& [name, value] : status.outputs) {
    out << "output " << name << " = " << (extras.secretOutputs.count(name) ? "***" : value) << '\n';
  }
  if (status.monitorUrl) out << "monitor:  " << *status.monitorUrl << '\n';
  return out.str();
}

std::string errorText(const Failure& failure) {
  return "polysync-host-stub: " + failure.message + " [" + failure.code + "]\n";
}

}  // namespace polysync::host
