// Where plugins are found, and which manifests a plugin folder holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace polysync::host {

// The plugin folder: `option` (--plugin-dir) when given, else $POLYSYNC_PLUGIN_DIR, else <exeDir>/../plugins
// (the build tree) when it exists, else <exeDir>/../<the configured plugin install dir> when it exists, else
// <exeDir>/../lib/polysync/plugins (the install tree). The result is not checked.
std::string resolvePluginDir(const std::optional<std::string>& option, const std::string& exeDir);

// The *.json files directly inside `dir`, absolute and sorted by name. Throws PluginLoadError when `dir` is
// not a readable folder.
std::vector<std::string> listManifestFiles(const std::string& dir);

// The shared libraries (*.so) directly inside `dir`, absolute and sorted; empty when `dir` cannot be read.
std::vector<std::string> listLibraryFiles(const std::string& dir);

}  // namespace polysync::host
