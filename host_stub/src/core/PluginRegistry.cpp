#include "polysync_host/PluginRegistry.h"

#include <algorithm>
#include <filesystem>

#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/PluginDirectory.h"

namespace polysync::host {

void PluginRegistry::scan(const std::string& dir) {
  dir_ = dir;
  manifests_.clear();
  loaded_.clear();
  refused_.clear();
  refusals_.clear();
  for (const auto& file : listManifestFiles(dir)) {
    try {
      manifests_.push_back(readManifest(file));
    } catch (const PluginLoadError& error) {
      if (claimsToBeManifest(file)) {
        refusals_.push_back(Refusal{file, error.what()});
      } else {
        services_.logger().log(
            PSJ_LOG_WARN,
            "skipping " + file +
                ": not a plugin manifest (no \"manifestVersion\"); every *.json in the plugin "
                "folder is read as one, so move other files elsewhere",
            "host");
      }
    }
  }
  loaded_.resize(manifests_.size());
  refused_.resize(manifests_.size());
  warnAboutUnnamedLibraries();
  services_.logger().log(PSJ_LOG_DEBUG,
                         "found " + std::to_string(manifests_.size()) + " plugin manifest(s) in " + dir +
                             (refusals_.empty() ? "" : ", refused " + std::to_string(refusals_.size())),
                         "host");
}

// A library that no manifest names is never loaded: say so, since its author most likely forgot the manifest.
void PluginRegistry::warnAboutUnnamedLibraries() {
  for (const auto& library : listLibraryFiles(dir_)) {
    const bool named = std::any_of(manifests_.begin(), manifests_.end(), [&](const Manifest& m) {
      return std::filesystem::path(m.libraryPath()).lexically_normal() == std::filesystem::path(library);
    });
    if (named || !refusals_.empty()) continue;  // with a refused manifest, that refusal is the likelier story
    services_.logger().log(PSJ_LOG_WARN,
                           library +
                               " is not loaded: no manifest names it; put a manifest beside it with "
                               "\"library\": \"" +
                               std::filesystem::path(library).filename().string() +
                               "\" (format: manifest.schema.json, installed with the plugin API)",
                           "host");
  }
}

std::shared_ptr<LoadedPlugin> PluginRegistry::load(size_t index) {
  if (!loaded_[index]) {
    try {
      loaded_[index] = LoadedPlugin::load(manifests_[index], services_);
    } catch (const PluginLoadError& error) {
      if (!refused_[index]) refusals_.push_back(Refusal{manifests_[index].path, error.what()});
      refused_[index] = true;
      throw;
    }
  }
  return loaded_[index];
}

std::vector<std::shared_ptr<LoadedPlugin>> PluginRegistry::loadAll() {
  std::vector<std::shared_ptr<LoadedPlugin>> all;
  for (size_t i = 0; i < manifests_.size(); ++i) {
    try {
      all.push_back(load(i));
    } catch (const PluginLoadError&) {
      // recorded in refusals_ by load()
    }
  }
  return all;
}

PluginRegistry::Resolved PluginRegistry::resolveJobType(const std::string& idOrDisplayName) {
  for (size_t i = 0; i < manifests_.size(); ++i) {
    if (!manifests_[i].declaresJobType(idOrDisplayName)) continue;
    Resolved resolved{load(i), nullptr};
    resolved.jobType = resolved.plugin->findJobType(idOrDisplayName);
    if (resolved.jobType) {
      for (const auto& refusal : refusals_) services_.logger().log(PSJ_LOG_WARN, refusal.reason, "host");
      return resolved;
    }
  }
  // A refused manifest may be the one that declares the job type: its reason is the more useful answer.
  if (!refusals_.empty()) throw PluginLoadError(refusals_.front().reason);
  std::string known;
  for (const auto& m : manifests_) {
    for (const auto& jt : m.jobTypes)
      known += (known.empty() ? "" : ", ") + jt.id + " (\"" + jt.displayName + "\")";
  }
  throw UsageError("no plugin in " + dir_ + " provides job type \"" + idOrDisplayName +
                   "\"; use one of: " + (known.empty() ? std::string("(none installed)") : known));
}

}  // namespace polysync::host
