// A plugin manifest: what the host learns about a plugin before it loads any of its code
// (plugin_api/manifest.schema.json describes the format; this reader enforces the same rules).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace polysync::host {

struct ManifestJobType {
  std::string id;
  std::string displayName;
};

struct Manifest {
  std::string path;     // the manifest file, absolute
  std::string id;       // must equal psj_plugin_entry.plugin_id
  std::string version;  // must equal psj_plugin_entry.plugin_version
  std::string library;  // as written: relative to the manifest's folder
  uint32_t abiMajor = 0;
  uint32_t abiMinor = 0;
  uint32_t minHostMinor = 0;
  std::vector<ManifestJobType> jobTypes;

  // The library's absolute path: the manifest's folder joined with `library`.
  std::string libraryPath() const;
  // True when one of the job types has this id, or this display name (case-insensitively).
  bool declaresJobType(const std::string& idOrDisplayName) const;
};

// Parses and validates manifest text. Throws PluginLoadError with one line naming `path`, the offending
// field and the fix.
Manifest parseManifest(const std::string& text, const std::string& path);

// Reads and validates the manifest file at `path` (made absolute). Throws PluginLoadError.
Manifest readManifest(const std::string& path);

// False for a file that is valid JSON but does not claim to be a manifest (not an object with
// "manifestVersion"): a stray file in a plugin folder, skipped with a warning rather than refused.
bool claimsToBeManifest(const std::string& path);

}  // namespace polysync::host
