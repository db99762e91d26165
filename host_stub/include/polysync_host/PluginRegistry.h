// The plugins of one plugin folder: every manifest is read before any code is loaded; a library is loaded
// only when it is needed, once, and kept for the registry's life. One bad plugin does not hide the others:
// a refused manifest or library is recorded (refusals()) and the rest stay usable; a JSON file that does not
// claim to be a manifest and a library no manifest names are skipped with a warning.
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

  // Reads every *.json manifest in `dir`. Throws PluginLoadError only for a missing or unreadable folder;
  // an invalid manifest becomes a refusal.
  void scan(const std::string& dir);
  const std::vector<Manifest>& manifests() const { return manifests_; }

  // Loads every plugin whose manifest is valid (in manifest-name order) and returns those that loaded; a
  // library the host refuses becomes a refusal.
  std::vector<std::shared_ptr<LoadedPlugin>> loadAll();

  struct Refusal {
    std::string file;    // the manifest (or library) refused
    std::string reason;  // one line: what is wrong and how to fix it
  };
  // Every manifest and library refused so far (scan, loadAll, resolveJobType), in the order found.
  const std::vector<Refusal>& refusals() const { return refusals_; }

  struct Resolved {
    std::shared_ptr<LoadedPlugin> plugin;
    const JobTypeInfo* jobType = nullptr;
  };
  // Finds the job type by id or display name through the manifests and loads only the plugin that declares
  // it. Throws PluginLoadError when that plugin is refused, or when no valid manifest declares it and some
  // manifest was refused (it may be the one); UsageError when no manifest declares it (naming the ones that
  // exist). Logs a warning for each refused manifest when the job type is found elsewhere.
  Resolved resolveJobType(const std::string& idOrDisplayName);

 private:
  std::shared_ptr<LoadedPlugin> load(size_t index);
  void warnAboutUnnamedLibraries();

  HostServices& services_;
  std::string dir_;
  std::vector<Manifest> manifests_;
  std::vector<std::shared_ptr<LoadedPlugin>> loaded_;  // parallel to manifests_; null until loaded
  std::vector<bool> refused_;                          // parallel to manifests_: its library was refused
  std::vector<Refusal> refusals_;
};

}  // namespace polysync::host
