// PluginLoader: the tests' loader, doing what ABI-GUIDE.md asks of a host with a host table the test
// chooses (TestHost: any minor, a recorded log): read the manifest before any code (the stub host's
// reader), open the library the stub host's way (polysync::host::openPluginLibrary: absolute path,
// RTLD_NOW | RTLD_LOCAL, kept mapped; the one loader the host, these tests and the benchmark share), check
// the entry (struct_size, major, minimum host minor), match it against the manifest, negotiate the minor,
// init, and match the job types. A refusal is one line.
//
// Libraries stay loaded for the life of the test process (as in a production host); deinit() runs when the
// LoadedPlugin is destroyed.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "polysync/jobtype_v1.h"

namespace abitest {

class TestHost;

struct Manifest {
  std::string id, version, library;
  unsigned major = 0, minor = 0, minHostMinor = 0;
  std::vector<std::string> jobTypeIds;
};

class LoadedPlugin {
 public:
  LoadedPlugin(const psj_plugin_entry* entry, std::uint32_t effectiveMinor);
  ~LoadedPlugin();
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const psj_plugin_entry* entry() const { return entry_; }
  std::uint32_t effectiveMinor() const { return effectiveMinor_; }
  const psj_job_type* jobType(std::size_t index = 0) const;

 private:
  const psj_plugin_entry* entry_;
  std::uint32_t effectiveMinor_;
};

using LoadResult = std::variant<std::unique_ptr<LoadedPlugin>, std::string /* refusal */>;

// Reads `manifestPath`, loads the library it names (relative to the manifest's folder, or to `libraryDir`
// when given) and initialises it.
LoadResult loadPlugin(const std::filesystem::path& manifestPath, TestHost& host,
                      const std::optional<std::filesystem::path>& libraryDir = std::nullopt);
// Loads the library and returns its entry without calling init() (for tests that drive init() directly).
const psj_plugin_entry* openEntry(const std::filesystem::path& library);
// The manifest, or a one-line reason it is unusable.
std::variant<Manifest, std::string> readManifest(const std::filesystem::path& manifestPath);

}  // namespace abitest
