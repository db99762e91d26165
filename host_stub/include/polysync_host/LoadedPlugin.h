// A plugin library loaded, checked against its manifest, negotiated and initialised.
//
// Loading follows ABI-GUIDE.md: Boost.DLL with an absolute path and RTLD_NOW | RTLD_LOCAL (never RTLD_GLOBAL
// or RTLD_DEEPBIND); the library stays mapped for the life of the process, even after deinit, because a
// plugin's threads and thread-locals may outlive an early dlclose. Every refusal is a PluginLoadError with
// one line: which plugin, what is wrong, what to do.
//
// Threads: load() and the destructor (which calls deinit) on the host's control thread. Destroy every
// PlatformConnection of the plugin first; they hold a shared_ptr to it, so this happens by itself.
#pragma once

#include <polysync/jobtype_v1.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "polysync_host/Manifest.h"

namespace polysync::host {

class HostServices;

// A job type's metadata, copied at load (the descriptor itself stays the plugin's).
struct JobTypeInfo {
  const psj_job_type* descriptor = nullptr;
  std::string id;
  std::string displayName;
  uint32_t capabilities = 0;
  std::optional<std::string> settingsSchema;
  std::optional<std::string> attributesSchema;
  std::optional<std::string> parametersSchema;
};

class LoadedPlugin {
 public:
  // Loads the library `manifest` names and refuses it (PluginLoadError) when: the file is missing or cannot
  // be loaded; it has no polysync_jobtype_v1_entry; the entry returns NULL; the entry struct is smaller than
  // the 1.0 layout; the ABI major differs; it needs a newer host minor; id, version, ABI minor or min host
  // minor differ from the manifest; a required function is NULL; init fails; or its job types differ from the
  // manifest's (ids and display names).
  static std::shared_ptr<LoadedPlugin> load(const Manifest& manifest, HostServices& services);
  // Loads a library no manifest names (check-plugin on a bare .so) with the same checks, against the manifest
  // its own entry and job types imply (manifest().path says so).
  static std::shared_ptr<LoadedPlugin> loadUnlisted(const std::string& libraryPath, HostServices& services);

  ~LoadedPlugin();  // calls deinit()
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const Manifest& manifest() const { return manifest_; }
  const std::string& libraryPath() const { return libraryPath_; }
  const psj_plugin_entry& entry() const { return *entry_; }
  uint32_t effectiveMinor() const { return effectiveMinor_; }
  const std::vector<JobTypeInfo>& jobTypes() const { return jobTypes_; }
  HostServices& services() const { return services_; }

  // The job type with this id, or this display name (case-insensitively); nullptr when none.
  const JobTypeInfo* findJobType(const std::string& idOrDisplayName) const;

 private:
  LoadedPlugin(Manifest manifest, std::string libraryPath, const psj_plugin_entry* entry,
               HostServices& services);
  void checkEntry() const;
  void initialise();
  void readJobTypes();
  [[noreturn]] void refuse(const std::string& what) const;

  Manifest manifest_;
  std::string libraryPath_;
  const psj_plugin_entry* entry_;
  HostServices& services_;
  uint32_t effectiveMinor_ = 0;
  bool initialised_ = false;
  bool adoptJobTypes_ = false;  // loadUnlisted: the job types registered are the manifest's
  std::vector<JobTypeInfo> jobTypes_;
};

}  // namespace polysync::host
