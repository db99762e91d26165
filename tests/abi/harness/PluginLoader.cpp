#ifndef BOOST_DLL_USE_STD_FS
#define BOOST_DLL_USE_STD_FS
#endif
#include "PluginLoader.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <fstream>
#include <list>
#include <mutex>
#include <sstream>

#include "TestHost.h"

namespace abitest {
namespace {

// Loaded libraries are never unloaded while the process runs.
std::list<boost::dll::shared_library>& keptLibraries() {
  static std::list<boost::dll::shared_library> libraries;
  return libraries;
}

std::mutex& loaderMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

LoadedPlugin::LoadedPlugin(const psj_plugin_entry* entry, std::uint32_t effectiveMinor)
    : entry_(entry), effectiveMinor_(effectiveMinor) {}

LoadedPlugin::~LoadedPlugin() { entry_->deinit(); }

const psj_job_type* LoadedPlugin::jobType(std::size_t index) const {
  return entry_->job_type_at(static_cast<std::uint32_t>(index));
}

std::variant<Manifest, std::string> readManifest(const std::filesystem::path& manifestPath) {
  std::ifstream in(manifestPath);
  if (!in) return "cannot read manifest " + manifestPath.string();
  std::stringstream text;
  text << in.rdbuf();
  try {
    Poco::JSON::Parser parser;
    const auto root = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    Manifest manifest;
    if (root->getValue<int>("manifestVersion") != 1) return "unsupported manifestVersion";
    manifest.id = root->getValue<std::string>("id");
    manifest.version = root->getValue<std::string>("version");
    manifest.library = root->getValue<std::string>("library");
    const auto abi = root->getObject("abi");
    manifest.major = abi->getValue<unsigned>("major");
    manifest.minor = abi->getValue<unsigned>("minor");
    manifest.minHostMinor = abi->getValue<unsigned>("minHostMinor");
    const auto jobTypes = root->getArray("jobTypes");
    for (std::size_t i = 0; jobTypes && i < jobTypes->size(); ++i) {
      manifest.jobTypeIds.push_back(jobTypes->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
    }
    return manifest;
  } catch (const std::exception& error) {
    return "manifest " + manifestPath.string() + " is malformed: " + error.what();
  }
}

const psj_plugin_entry* openEntry(const std::filesystem::path& library) {
  std::lock_guard<std::mutex> lock(loaderMutex());
  boost::dll::shared_library loaded(std::filesystem::absolute(library),
                                    boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  const psj_entry_fn entryFn = loaded.get<const psj_plugin_entry*()>(PSJ_ENTRY_SYMBOL);
  keptLibraries().push_back(std::move(loaded));
  return entryFn();
}

LoadResult loadPlugin(const std::filesystem::path& manifestPath, TestHost& host,
                      const std::optional<std::filesystem::path>& libraryDir) {
  auto read = readManifest(manifestPath);
  if (auto* problem = std::get_if<std::string>(&read)) return *problem;
  const Manifest manifest = std::get<Manifest>(read);
  if (manifest.major != PSJ_ABI_MAJOR) return "the manifest states ABI major " + std::to_string(manifest.major);
  const std::filesystem::path library = std::filesystem::absolute(libraryDir.value_or(manifestPath.parent_path()) / manifest.library);

  std::lock_guard<std::mutex> lock(loaderMutex());
  boost::dll::shared_library loaded;
  boost::dll::fs::error_code error;
  loaded.load(library, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, error);
  if (error) return "cannot load " + library.string() + ": " + error.message();
  if (!loaded.has(PSJ_ENTRY_SYMBOL)) return "no entry symbol " PSJ_ENTRY_SYMBOL " in " + library.string();
  const psj_entry_fn entryFn = loaded.get<const psj_plugin_entry*()>(PSJ_ENTRY_SYMBOL);
  keptLibraries().push_back(std::move(loaded));

  const psj_plugin_entry* entry = entryFn();
  if (entry == nullptr) return "the entry function returned NULL";
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
    if (jobType == nullptr || jobType->struct_size < sizeof(psj_job_type)) return "a job type is NULL or truncated";
    ids.emplace_back(jobType->id);
  }
  if (ids != manifest.jobTypeIds) return "the manifest disagrees with the entry (job types)";
  return plugin;
}

}  // namespace abitest
