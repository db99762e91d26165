#include "polysync_host/PluginRegistry.h"

#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/PluginDirectory.h"

namespace polysync::host {

void PluginRegistry::scan(const std::string& dir) {
  dir_ = dir;
  manifests_.clear();
  loaded_.clear();
  for (const auto& file : listManifestFiles(dir)) manifests_.push_back(readManifest(file));
  loaded_.resize(manifests_.size());
  services_.logger().log(
      PSJ_LOG_DEBUG, "found " + std::to_string(manifests_.size()) + " plugin manifest(s) in " + dir, "host");
}

std::shared_ptr<LoadedPlugin> PluginRegistry::load(size_t index) {
  if (!loaded_[index]) loaded_[index] = LoadedPlugin::load(manifests_[index], services_);
  return loaded_[index];
}

std::vector<std::shared_ptr<LoadedPlugin>> PluginRegistry::loadAll() {
  std::vector<std::shared_ptr<LoadedPlugin>> all;
  for (size_t i = 0; i < manifests_.size(); ++i) all.push_back(load(i));
  return all;
}

PluginRegistry::Resolved PluginRegistry::resolveJobType(const std::string& idOrDisplayName) {
  for (size_t i = 0; i < manifests_.size(); ++i) {
    if (!manifests_[i].declaresJobType(idOrDisplayName)) continue;
    Resolved resolved{load(i), nullptr};
    resolved.jobType = resolved.plugin->findJobType(idOrDisplayName);
    if (resolved.jobType) return resolved;
  }
  std::string known;
  for (const auto& m : manifests_) {
    for (const auto& jt : m.jobTypes)
      known += (known.empty() ? "" : ", ") + jt.id + " (\"" + jt.displayName + "\")";
  }
  throw UsageError("no plugin in " + dir_ + " provides job type \"" + idOrDisplayName +
                   "\"; use one of: " + (known.empty() ? std::string("(none installed)") : known));
}

}  // namespace polysync::host
