// The plugins of one plugin folder: every manifest is read (and must be valid) before any code is loaded;
// a library is loaded only when it is needed, once, and kept for the registry's life.
// Threads: the host's control thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "polysync_host/LoadedPlugin.h"
#include "polysync_host/Manifest.h"

namespace polysync::host {

class HostServices;

class PluginRegistry {
 public:
  explicit PluginRegistry(HostServices& services) : services_(services) {}

  // Reads every *.json manifest in `dir`. Throws PluginLoadError for a missing folder or any invalid
  // manifest.
  void scan(const std::string& dir);
  const std::vector<Manifest>& manifests() const { return manifests_; }

  // Loads every plugin (in manifest-name order). Throws PluginLoadError at the first refusal.
  std::vector<std::shared_ptr<LoadedPlugin>> loadAll();

  struct Resolved {
    std::shared_ptr<LoadedPlugin> plugin;
    const JobTypeInfo* jobType = nullptr;
  };
  // Finds the job type by id or display name through the manifests and loads only the plugin that declares
  // it. Throws UsageError when no manifest declares it (naming the ones that exist), PluginLoadError when its
  // plugin is refused.
  Resolved resolveJobType(const std::string& idOrDisplayName);

 private:
  std::shared_ptr<LoadedPlugin> load(size_t index);

  HostServices& services_;
  std::string dir_;
  std::vector<Manifest> manifests_;
  std::vector<std::shared_ptr<LoadedPlugin>> loaded_;  // parallel to manifests_; null until loaded
};

}  // namespace polysync::host
