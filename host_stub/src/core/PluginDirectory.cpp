#include "polysync_host/PluginDirectory.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "polysync_host/Errors.h"

#ifndef POLYSYNC_PLUGIN_INSTALL_DIR
#define POLYSYNC_PLUGIN_INSTALL_DIR "lib/polysync/plugins"
#endif

namespace polysync::host {

namespace fs = std::filesystem;

std::string resolvePluginDir(const std::optional<std::string>& option, const std::string& exeDir) {
  if (option && !option->empty()) return *option;
  if (const char* env = std::getenv("POLYSYNC_PLUGIN_DIR"); env && *env) return env;
  // The build tree, then the install tree (the configured libdir may be lib/<multiarch> on Debian).
  const fs::path exe(exeDir);
  for (const fs::path& candidate : {exe / ".." / "plugins", exe / ".." / POLYSYNC_PLUGIN_INSTALL_DIR}) {
    std::error_code ec;
    if (fs::is_directory(candidate, ec)) return candidate.lexically_normal().string();
  }
  return (exe / ".." / "lib" / "polysync" / "plugins").lexically_normal().string();
}

namespace {
std::vector<std::string> filesWithExtension(const fs::path& root, const char* extension,
                                            std::error_code& ec) {
  std::vector<std::string> files;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == extension && it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

std::vector<std::string> listLibraryFiles(const std::string& dir) {
  std::error_code ec;
  const fs::path root = fs::absolute(dir, ec).lexically_normal();
  auto files = filesWithExtension(root, ".so", ec);
  return ec ? std::vector<std::string>() : files;
}

std::vector<std::string> listManifestFiles(const std::string& dir) {
  std::error_code ec;
  const fs::path root = fs::absolute(dir, ec).lexically_normal();
  if (ec || !fs::is_directory(root, ec)) {
    throw PluginLoadError("plugin folder " + dir +
                          " does not exist; pass --plugin-dir DIR or set POLYSYNC_PLUGIN_DIR");
  }
  const auto files = filesWithExtension(root, ".json", ec);
  if (ec)
    throw PluginLoadError("plugin folder " + root.string() + " cannot be read (" + ec.message() +
                          "); check its permissions");
  return files;
}

}  // namespace polysync::host
