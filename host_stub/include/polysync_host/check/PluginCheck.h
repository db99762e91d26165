// check-plugin: runs the conformance checks (ConformanceChecks.h) against any plugin, a folder read exactly
// as --plugin-dir reads it or a single .so, and reports every check as passed, failed or skipped.
//
// What the checks assume, since they cannot know a plugin's settings:
//   - valid settings are the --platform file's when given, else the defaults of the settings schema; when a
//     required setting has neither, or create() refuses the defaults with InvalidSettings (a schema need not
//     list every setting), every check that needs an instance is skipped, saying why;
//   - the setting create() must refuse to go without is the first of the schema's top-level "required";
//   - run() gets the --external-id when given (then it must succeed), else an id the plugin does not know
//     (then any well-formed outcome passes);
//   - each call gets the --call-timeout deadline (0: none).
// A plugin the host refuses, or a library in the folder that no manifest names, is a failed check. Each
// job-type check runs in a child process (IsolatedCheck.h): a crash or a hang fails that check alone.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "polysync_host/LoadedPlugin.h"
#include "polysync_host/check/ConformanceChecks.h"

namespace polysync::host {
class HostServices;
}

namespace polysync::host::check {

struct PluginCheckOptions {
  std::string target;  // a plugin folder or a .so
  std::optional<std::string> platformFile;
  std::optional<std::string> jobType;     // only this job type (id or display name)
  std::optional<std::string> externalId;  // a job whose run must be submitted
  std::chrono::milliseconds callTimeout{120000};
};

struct JobTypeReport {
  std::string id;
  std::string displayName;
  std::vector<CheckResult> checks;
};

struct PluginReport {
  std::string file;  // the manifest, or the library when it has none
  std::optional<std::string> id, version, library;
  std::vector<CheckResult> checks;  // of the plugin as a whole: it loads, it has a manifest
  std::vector<JobTypeReport> jobTypes;
};

struct CheckReport {
  std::string target;
  std::vector<PluginReport> plugins;
  int passed = 0, failed = 0, skipped = 0;
};

// What the checks may assume about `jobType` given the options (see above). Throws UsageError for an
// unreadable --platform file.
CheckProfile checkProfileFor(const JobTypeInfo& jobType, const PluginCheckOptions& options);

// Loads the plugin(s) at options.target and runs every check. Throws UsageError when the target is neither a
// folder nor a file; a plugin the host refuses is a failed check, not an exception.
CheckReport checkPlugins(const PluginCheckOptions& options, HostServices& services);

// The report as lines of text ending with "N passed, M failed", and as one JSON document.
std::string checkReportText(const CheckReport& report);
std::string checkReportJson(const CheckReport& report);

}  // namespace polysync::host::check
