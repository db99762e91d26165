#include "PluginLoader.h"

#include <algorithm>
#include <filesystem>

#include "TestHost.h"
#include "polysync_host/Errors.h"
#include "polysync_host/Manifest.h"
#include "polysync_host/PluginLibrary.h"

namespace abitest {

LoadedPlugin::LoadedPlugin(const psj_plugin_entry* entry, std::uint32_t effectiveMinor)
    : entry_(entry), effectiveMinor_(effectiveMinor) {}

LoadedPlugin::~LoadedPlugin() { entry_->deinit(); }

const psj_job_type* LoadedPlugin::jobType(std::size_t index) const {
  return entry_->job_type_at(static_cast<std::uint32_t>(index));
}

// The stub host's manifest reader (the same rules as manifest.schema.json), in the harness's shape.
std::variant<Manifest, std::string> readManifest(const std::filesystem::path& manifestPath) {
  try {
    const polysync::host::Manifest read = polysync::host::readManifest(manifestPath.string());
    Manifest manifest;
    manifest.id = read.id;
    manifest.version = read.version;
    manifest.library = read.library;
    manifest.major = read.abiMajor;
    manifest.minor = read.abiMinor;
    manifest.minHostMinor = read.minHostMinor;
    for (const auto& jobType : read.jobTypes) manifest.jobTypeIds.push_back(jobType.id);
    return manifest;
  } catch (const polysync::host::PluginLoadError& error) {
    return std::string(error.what());
  }
}

const psj_plugin_entry* openEntry(const std::filesystem::path& library) {
  return polysync::host::openPluginLibrary(library.string());
}

LoadResult loadPlugin(const std::filesystem::path& manifestPath, TestHost& host,
                      const std::optional<std::filesystem::path>& libraryDir) {
  auto read = readManifest(manifestPath);
  if (auto* problem = std::get_if<std::string>(&read)) return *problem;
  const Manifest manifest = std::get<Manifest>(read);
  if (manifest.major != PSJ_ABI_MAJOR)
    return "the manifest states ABI major " + std::to_string(manifest.major);
  const std::filesystem::path library =
      std::filesystem::absolute(libraryDir.value_or(manifestPath.parent_path()) / manifest.library);

  const psj_plugin_entry* entry = nullptr;
  try {
    entry = polysync::host::openPluginLibrary(library.string());
  } catch (const polysync::host::PluginLibraryError& error) {
    using Kind = polysync::host::PluginLibraryError::Kind;
    switch (error.kind()) {
      case Kind::NoEntry:
        return "no entry symbol " PSJ_ENTRY_SYMBOL " in " + library.string();
      case Kind::NullEntry:
        return std::string("the entry function returned NULL");
      case Kind::CannotLoad:
        break;
    }
    return "cannot load " + library.string() + ": " + error.what();
  }
  if (entry->struct_size < sizeof(psj_plugin_entry)) {
    return "truncated entry struct (struct_size " + std::to_string(entry->struct_size) + ")";
  }
  if (entry->abi_major != PSJ_ABI_MAJOR) return "wrong ABI major " + std::to_string(entry->abi_major);
  const std::uint32_t hostMinor = host.table()->abi_minor;
  if (entry->min_host_minor > hostMinor) {
    return "the plugin needs host minor " + std::to_string(entry->min_host_minor) + ", the host has " +
           std::to_string(hostMinor);
  }
  if (manifest.id != entry->plugin_id || manifest.version != entry->plugin_version ||
      manifest.minor != entry->abi_minor || manifest.minHostMinor != entry->min_host_minor) {
    return "the manifest disagrees with the entry (id, version or ABI)";
  }
  const std::uint32_t effective = std::min(hostMinor, entry->abi_minor);
  if (entry->init(host.table(), library.c_str(), effective) != PSJ_OK) return "init() refused";
  auto plugin = std::make_unique<LoadedPlugin>(entry, effective);
  std::vector<std::string> ids;
  for (std::uint32_t i = 0; i < entry->job_type_count(); ++i) {
    const psj_job_type* jobType = entry->job_type_at(i);
    if (jobType == nullptr || jobType->struct_size < sizeof(psj_job_type))
      return "a job type is NULL or truncated";
    ids.emplace_back(jobType->id);
  }
  if (ids != manifest.jobTypeIds) return "the manifest disagrees with the entry (job types)";
  return plugin;
}

}  // namespace abitest
