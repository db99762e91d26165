#include "polysync_host/check/PluginCheck.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>

#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/JsonWriter.h"
#include "polysync_host/Manifest.h"
#include "polysync_host/PlatformSettings.h"
#include "polysync_host/PluginDirectory.h"
#include "polysync_host/PluginRegistry.h"
#include "polysync_host/RequiredSettings.h"
#include "polysync_host/check/IsolatedCheck.h"

namespace polysync::host::check {
namespace {

namespace fs = std::filesystem;

// Polls from 4 threads at once: enough to meet a data race, few enough for a plugin whose polls reach a
// server that is not there.
constexpr int kConcurrentPollsPerThread = 5;

const char* const kLoadTitle = "loads in the host; its entry and job types match its manifest";
const char* const kManifestTitle = "a manifest names the library, so the host loads it from a plugin folder";

CheckResult passed(const char* name, const char* title) { return CheckResult{name, title, {}, std::nullopt}; }
CheckResult failed(const char* name, const char* title, std::string problem) {
  return CheckResult{name, title, {std::move(problem)}, std::nullopt};
}
CheckResult skipped(const char* name, const char* title, std::string reason) {
  return CheckResult{name, title, {}, std::move(reason)};
}

// The "default" of each top-level property of a settings schema, as text (strings as they are, numbers and
// booleans as JSON writes them). An unreadable schema has none.
std::vector<CheckProfile::Setting> schemaDefaults(const std::optional<std::string>& schema) {
  std::vector<CheckProfile::Setting> defaults;
  if (!schema) return defaults;
  try {
    const auto root = Poco::JSON::Parser().parse(*schema).extract<Poco::JSON::Object::Ptr>();
    const auto properties = root ? root->getObject("properties") : nullptr;
    if (!properties) return defaults;
    for (const auto& [name, property] : *properties) {
      if (property.type() != typeid(Poco::JSON::Object::Ptr)) continue;
      const auto object = property.extract<Poco::JSON::Object::Ptr>();
      if (!object->has("default")) continue;
      const Poco::Dynamic::Var value = object->get("default");
      if (value.isEmpty() || value.type() == typeid(Poco::JSON::Object::Ptr) ||
          value.type() == typeid(Poco::JSON::Array::Ptr)) {
        continue;
      }
      defaults.push_back({name, value.toString(), 0});
    }
  } catch (const std::exception&) {
    defaults.clear();
  }
  return defaults;
}

JobTypeReport checkJobType(const JobTypeInfo& jobType, const PluginCheckOptions& options) {
  JobTypeReport report{jobType.id, jobType.displayName, {}};
  const CheckProfile profile = checkProfileFor(jobType, options);
  // Generous: the longest check makes about a dozen calls one after the other, each within the deadline.
  const std::chrono::milliseconds limit = profile.callTimeout
                                              ? std::chrono::milliseconds(60000) + 30 * *profile.callTimeout
                                              : std::chrono::minutes(10);
  for (const auto& check : conformanceChecks()) {
    report.checks.push_back(runIsolatedCheck(check.name, *jobType.descriptor, profile, limit));
  }
  return report;
}

void checkLoaded(PluginReport& report, const LoadedPlugin& plugin, const PluginCheckOptions& options) {
  report.id = plugin.manifest().id;
  report.version = plugin.manifest().version;
  report.library = plugin.libraryPath();
  for (const auto& jobType : plugin.jobTypes()) {
    if (options.jobType && jobType.id != *options.jobType && jobType.displayName != *options.jobType)
      continue;
    report.jobTypes.push_back(checkJobType(jobType, options));
  }
}

// Every manifest in the folder, as the host's registry reads them.
void checkFolder(CheckReport& report, const std::string& dir, const PluginCheckOptions& options,
                 HostServices& services) {
  PluginRegistry registry(services);
  registry.scan(dir);
  const auto loaded = registry.loadAll();
  for (const auto& refusal : registry.refusals()) {
    PluginReport plugin;
    plugin.file = refusal.file;
    plugin.checks.push_back(failed("load", kLoadTitle, refusal.reason));
    report.plugins.push_back(std::move(plugin));
  }
  for (const auto& plugin : loaded) {
    PluginReport pluginReport;
    pluginReport.file = plugin->manifest().path;
    pluginReport.checks.push_back(passed("load", kLoadTitle));
    checkLoaded(pluginReport, *plugin, options);
    report.plugins.push_back(std::move(pluginReport));
  }
  if (!registry.refusals().empty()) return;  // a refused manifest may be the one naming a library
  for (const auto& library : listLibraryFiles(dir)) {
    const auto& manifests = registry.manifests();
    if (std::any_of(manifests.begin(), manifests.end(), [&](const Manifest& m) {
          return fs::path(m.libraryPath()).lexically_normal() == fs::path(library);
        })) {
      continue;
    }
    PluginReport unnamed;
    unnamed.file = library;
    unnamed.checks.push_back(failed("manifest", kManifestTitle,
                                    "no manifest names " + fs::path(library).filename().string() +
                                        ", so the host never loads it; generate one with "
                                        "polysync_jobtype_plugin(<target> MANIFEST <name>.json)"));
    report.plugins.push_back(std::move(unnamed));
  }
}

// One library: through the manifest beside it that names it, else against what its own entry implies.
void checkLibrary(CheckReport& report, const std::string& library, const PluginCheckOptions& options,
                  HostServices& services) {
  std::optional<Manifest> manifest;
  for (const auto& file : listManifestFiles(fs::path(library).parent_path().string())) {
    try {
      Manifest candidate = readManifest(file);
      if (fs::path(candidate.libraryPath()).lexically_normal() == fs::path(library)) manifest = candidate;
    } catch (const PluginLoadError&) {
      // not this library's manifest, or not a manifest at all: the folder's problems are not this check's
    }
  }
  PluginReport pluginReport;
  pluginReport.file = manifest ? manifest->path : library;
  if (!manifest) {
    pluginReport.checks.push_back(
        skipped("manifest", kManifestTitle,
                "no manifest beside it names it: checked against what its own entry "
                "implies; the host loads a plugin only through its manifest"));
  }
  try {
    const auto plugin =
        manifest ? LoadedPlugin::load(*manifest, services) : LoadedPlugin::loadUnlisted(library, services);
    pluginReport.checks.push_back(passed("load", kLoadTitle));
    checkLoaded(pluginReport, *plugin, options);
  } catch (const PluginLoadError& error) {
    pluginReport.checks.push_back(failed("load", kLoadTitle, error.what()));
  }
  report.plugins.push_back(std::move(pluginReport));
}

void count(CheckReport& report, const CheckResult& result) {
  if (result.failed())
    ++report.failed;
  else if (result.skipReason)
    ++report.skipped;
  else
    ++report.passed;
}

std::string resultWord(const CheckResult& result) {
  return result.failed() ? "failed" : result.skipReason ? "skipped" : "passed";
}

std::string checkLines(const std::vector<CheckResult>& checks) {
  std::string text;
  for (const auto& check : checks) {
    const std::string word = check.failed() ? "FAILED " : check.skipReason ? "skipped" : "passed ";
    text += "  " + word + "  " + check.name + ": " + check.title + "\n";
    for (const auto& problem : check.problems) text += "             " + oneLineDetail(problem, 400) + "\n";
    if (check.skipReason) text += "             (" + oneLineDetail(*check.skipReason, 400) + ")\n";
  }
  return text;
}

void writeChecks(JsonWriter& json, const std::vector<CheckResult>& checks) {
  json.key("checks").beginArray();
  for (const auto& check : checks) {
    json.beginObject().key("name").value(check.name).key("title").value(check.title);
    json.key("result").value(resultWord(check));
    json.key("problems").beginArray();
    for (const auto& problem : check.problems) json.value(problem);
    json.endArray();
    json.key("reason").value(check.skipReason);
    json.endObject();
  }
  json.endArray();
}

}  // namespace

CheckProfile checkProfileFor(const JobTypeInfo& jobType, const PluginCheckOptions& options) {
  CheckProfile profile;
  const auto required = requiredSettingNames(jobType.settingsSchema);
  if (!required.empty()) profile.requiredSetting = required.front();
  if (options.platformFile) {
    profile.validSettings.emplace();
    for (const auto& s :
         readPlatformSettings(*options.platformFile, secretSettingNames(jobType.settingsSchema))) {
      profile.validSettings->push_back({s.key, s.value, s.secret ? uint32_t{PSJ_KV_SECRET} : 0u});
      if (s.secret) profile.secrets.push_back(s.value);
    }
  } else {
    auto defaults = schemaDefaults(jobType.settingsSchema);
    for (const auto& name : required) {
      const bool hasDefault =
          std::any_of(defaults.begin(), defaults.end(), [&](const auto& s) { return s.key == name; });
      if (!hasDefault) {
        profile.settingsUnavailable = "needs settings: \"" + name +
                                      "\" is required and its schema gives no default; pass --platform FILE "
                                      "with settings create() accepts";
        break;
      }
    }
    if (profile.settingsUnavailable.empty()) {
      profile.validSettings = std::move(defaults);
      profile.settingsAreGuessed = true;
    }
  }
  if (options.externalId) {
    profile.runExternalId = *options.externalId;
    profile.runMustSucceed = true;
  }
  if (options.callTimeout.count() > 0) profile.callTimeout = options.callTimeout;
  profile.concurrentPollsPerThread = kConcurrentPollsPerThread;
  return profile;
}

CheckReport checkPlugins(const PluginCheckOptions& options, HostServices& services) {
  std::error_code ec;
  const fs::path target = fs::absolute(options.target, ec).lexically_normal();
  CheckReport report;
  report.target = target.string();
  if (fs::is_directory(target, ec)) {
    checkFolder(report, target.string(), options, services);
  } else if (fs::is_regular_file(target, ec)) {
    checkLibrary(report, target.string(), options, services);
  } else {
    throw UsageError(
        "check-plugin: \"" + oneLineDetail(options.target) +
        "\" is neither a plugin folder nor a library; give the folder of the manifests or the .so");
  }
  if (options.jobType) {
    const bool found = std::any_of(report.plugins.begin(), report.plugins.end(),
                                   [](const PluginReport& p) { return !p.jobTypes.empty(); });
    if (!found) {
      throw UsageError("check-plugin: no plugin in " + report.target + " provides job type \"" +
                       oneLineDetail(*options.jobType) + "\"; run 'polysync-host-stub plugins' to list them");
    }
  }
  if (report.plugins.empty()) {
    throw UsageError("check-plugin: " + report.target + " holds no plugin (no *.json manifest, no .so)");
  }
  for (const auto& plugin : report.plugins) {
    for (const auto& check : plugin.checks) count(report, check);
    for (const auto& jobType : plugin.jobTypes) {
      for (const auto& check : jobType.checks) count(report, check);
    }
  }
  return report;
}

std::string checkReportText(const CheckReport& report) {
  std::string text = "checking " + report.target + "\n";
  for (const auto& plugin : report.plugins) {
    text += "plugin " +
            (plugin.id ? *plugin.id + " " + plugin.version.value_or("") + " (" + plugin.file + ")"
                       : plugin.file) +
            "\n";
    text += checkLines(plugin.checks);
    for (const auto& jobType : plugin.jobTypes) {
      text += "job type " + jobType.id + " (\"" + jobType.displayName + "\")\n";
      text += checkLines(jobType.checks);
    }
  }
  if (report.skipped > 0) text += std::to_string(report.skipped) + " skipped (each says why above)\n";
  text += std::to_string(report.passed) + " passed, " + std::to_string(report.failed) + " failed\n";
  return text;
}

std::string checkReportJson(const CheckReport& report) {
  JsonWriter json;
  json.beginObject().key("target").value(report.target).key("plugins").beginArray();
  for (const auto& plugin : report.plugins) {
    json.beginObject().key("file").value(plugin.file).key("id").value(plugin.id);
    json.key("version").value(plugin.version).key("library").value(plugin.library);
    writeChecks(json, plugin.checks);
    json.key("jobTypes").beginArray();
    for (const auto& jobType : plugin.jobTypes) {
      json.beginObject().key("id").value(jobType.id).key("displayName").value(jobType.displayName);
      writeChecks(json, jobType.checks);
      json.endObject();
    }
    json.endArray().endObject();
  }
  json.endArray();
  json.key("passed").value(static_cast<int64_t>(report.passed));
  json.key("failed").value(static_cast<int64_t>(report.failed));
  json.key("skipped").value(static_cast<int64_t>(report.skipped));
  json.endObject();
  return json.str();
}

}  // namespace polysync::host::check
