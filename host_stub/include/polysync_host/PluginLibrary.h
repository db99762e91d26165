// Opening a plugin library: the one way every host in this repository does it (the stub host's LoadedPlugin,
// check-plugin, the ABI tests' loader and the benchmark), as ABI-GUIDE.md asks: Boost.DLL with an absolute
// path and RTLD_NOW | RTLD_LOCAL (never RTLD_GLOBAL or RTLD_DEEPBIND). The library stays mapped for the life
// of the process, even after deinit, because a plugin's threads and thread-locals may outlive an early
// dlclose. What the entry says is the caller's to check (LoadedPlugin does it for the stub host).
// Threads: any; loads are serialised.
#pragma once

#include <polysync/jobtype_v1.h>

#include <stdexcept>
#include <string>

namespace polysync::host {

class PluginLibraryError : public std::runtime_error {
 public:
  enum class Kind {
    CannotLoad,  // dlopen failed (missing file, missing dependency, wrong architecture)
    NoEntry,     // the library does not export polysync_jobtype_v1_entry
    NullEntry,   // the entry function returned NULL
  };
  PluginLibraryError(Kind kind, const std::string& reason) : std::runtime_error(reason), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Loads the library at `path` (made absolute) and returns its entry, never NULL. Throws PluginLibraryError
// whose message is one line: what is wrong and what to do ("it does not export ...; it is not a
// polysync_jobtype_v1 plugin").
const psj_plugin_entry* openPluginLibrary(const std::string& path);

}  // namespace polysync::host
