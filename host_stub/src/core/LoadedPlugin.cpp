#include "polysync_host/LoadedPlugin.h"

#include <Poco/String.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <system_error>

#include "polysync_host/Errors.h"
#include "polysync_host/HostServices.h"
#include "polysync_host/Logger.h"
#include "polysync_host/PluginLibrary.h"

namespace polysync::host {
namespace {

// The 1.0 layouts: the smallest structs this host can read.
constexpr uint32_t kEntrySize10 = sizeof(psj_plugin_entry);
constexpr uint32_t kJobTypeSize10 = sizeof(psj_job_type);

std::string text(const char* s) { return s ? s : "(null)"; }

}  // namespace

LoadedPlugin::LoadedPlugin(Manifest manifest, std::string libraryPath, const psj_plugin_entry* entry,
                           HostServices& services)
    : manifest_(std::move(manifest)),
      libraryPath_(std::move(libraryPath)),
      entry_(entry),
      services_(services) {}

void LoadedPlugin::refuse(const std::string& what) const {
  throw PluginLoadError("plugin " + manifest_.id + " (" + libraryPath_ + ") refused: " + what);
}

namespace {

// Opens the library at `path` and returns its entry (never NULL). Throws PluginLoadError naming `who`.
const psj_plugin_entry* openEntry(const std::string& who, const std::string& path, HostServices& services) {
  services.logger().log(PSJ_LOG_DEBUG, "loading " + path, "host");
  try {
    return openPluginLibrary(path);
  } catch (const PluginLibraryError& error) {
    throw PluginLoadError("plugin " + who + " (" + path + ") refused: " + error.what());
  }
}

}  // namespace

std::shared_ptr<LoadedPlugin> LoadedPlugin::load(const Manifest& manifest, HostServices& services) {
  const std::string path = manifest.libraryPath();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw PluginLoadError(
        "plugin " + manifest.id + " (" + path +
        ") refused: the library file does not exist; build the plugin or fix \"library\" in " +
        manifest.path);
  }
  const psj_plugin_entry* entry = openEntry(manifest.id, path, services);
  std::shared_ptr<LoadedPlugin> plugin(new LoadedPlugin(manifest, path, entry, services));
  plugin->checkEntry();
  plugin->initialise();
  plugin->readJobTypes();
  return plugin;
}

std::shared_ptr<LoadedPlugin> LoadedPlugin::loadUnlisted(const std::string& libraryPath,
                                                         HostServices& services) {
  const std::string path = std::filesystem::absolute(libraryPath).lexically_normal().string();
  const std::string file = std::filesystem::path(path).filename().string();
  const psj_plugin_entry* entry = openEntry(file, path, services);
  // The manifest the entry implies, so that checkEntry() and readJobTypes() hold it to itself.
  Manifest implied;
  implied.path = "(none: derived from " + file + ")";
  implied.library = file;
  implied.id = entry->struct_size >= sizeof(psj_plugin_entry) ? text(entry->plugin_id) : file;
  implied.version = entry->struct_size >= sizeof(psj_plugin_entry) ? text(entry->plugin_version) : "";
  implied.abiMajor = entry->abi_major;
  implied.abiMinor = entry->abi_minor;
  implied.minHostMinor = entry->min_host_minor;
  std::shared_ptr<LoadedPlugin> plugin(new LoadedPlugin(implied, path, entry, services));
  plugin->adoptJobTypes_ = true;
  plugin->checkEntry();
  plugin->initialise();
  plugin->readJobTypes();
  return plugin;
}

void LoadedPlugin::checkEntry() const {
  const psj_plugin_entry& e = *entry_;
  if (e.struct_size < kEntrySize10) {
    refuse("its entry struct is truncated (struct_size " + std::to_string(e.struct_size) +
           ", ABI 1.0 needs " + std::to_string(kEntrySize10) +
           "); rebuild it against the polysync_jobtype_v1 headers");
  }
  if (e.abi_major != PSJ_ABI_MAJOR) {
    refuse("it implements ABI major " + std::to_string(e.abi_major) + ", this host implements major " +
           std::to_string(PSJ_ABI_MAJOR) + "; use a plugin built for ABI " + std::to_string(PSJ_ABI_MAJOR) +
           ".x");
  }
  if (e.min_host_minor > PSJ_ABI_MINOR) {
    refuse("it needs host ABI 1." + std::to_string(e.min_host_minor) + " or newer, this host implements 1." +
           std::to_string(PSJ_ABI_MINOR) + "; upgrade the host or use an older plugin");
  }
  const auto differs = [&](const std::string& field, const std::string& inEntry,
                           const std::string& inManifest) {
    refuse("its entry reports " + field + " " + inEntry + " but the manifest " + manifest_.path + " says " +
           inManifest + "; reinstall the plugin with its own manifest");
  };
  if (text(e.plugin_id) != manifest_.id) differs("id", text(e.plugin_id), manifest_.id);
  if (text(e.plugin_version) != manifest_.version)
    differs("version", text(e.plugin_version), manifest_.version);
  if (e.abi_major != manifest_.abiMajor)
    differs("ABI major", std::to_string(e.abi_major), std::to_string(manifest_.abiMajor));
  if (e.abi_minor != manifest_.abiMinor)
    differs("ABI minor", std::to_string(e.abi_minor), std::to_string(manifest_.abiMinor));
  if (e.min_host_minor != manifest_.minHostMinor) {
    differs("minHostMinor", std::to_string(e.min_host_minor), std::to_string(manifest_.minHostMinor));
  }
  if (!e.init || !e.job_type_count || !e.job_type_at) {
    refuse("its entry lacks init, job_type_count or job_type_at; the plugin is broken");
  }
}

void LoadedPlugin::initialise() {
  effectiveMinor_ = std::min<uint32_t>(PSJ_ABI_MINOR, entry_->abi_minor);
  const int32_t rc = entry_->init(services_.table(), libraryPath_.c_str(), effectiveMinor_);
  if (rc != PSJ_OK) {
    refuse("its init() failed with " + std::string(errorCodeName(rc)) + " (" + std::to_string(rc) +
           "); see the plugin's log line above");
  }
  initialised_ = true;
  services_.logger().log(PSJ_LOG_DEBUG,
                         "loaded " + manifest_.id + " " + manifest_.version + " (ABI 1." +
                             std::to_string(entry_->abi_minor) + ", negotiated 1." +
                             std::to_string(effectiveMinor_) + ")",
                         "host");
}

void LoadedPlugin::readJobTypes() {
  // After init succeeded a refusal must still deinit: the destructor does, once `this` is owned.
  const uint32_t count = entry_->job_type_count();
  for (uint32_t i = 0; i < count; ++i) {
    const psj_job_type* jt = entry_->job_type_at(i);
    if (!jt) refuse("job_type_at(" + std::to_string(i) + ") returned NULL; the plugin is broken");
    if (jt->struct_size < kJobTypeSize10) {
      refuse("job type " + std::to_string(i) + " is truncated (struct_size " +
             std::to_string(jt->struct_size) + ", ABI 1.0 needs " + std::to_string(kJobTypeSize10) +
             "); rebuild it against the current headers");
    }
    if (!jt->id || !jt->display_name) refuse("job type " + std::to_string(i) + " has no id or display name");
    JobTypeInfo info;
    info.descriptor = jt;
    info.id = jt->id;
    info.displayName = jt->display_name;
    info.capabilities = jt->capabilities;
    if (jt->settings_schema_json) info.settingsSchema = jt->settings_schema_json;
    if (jt->attributes_schema_json) info.attributesSchema = jt->attributes_schema_json;
    if (jt->parameters_schema_json) info.parametersSchema = jt->parameters_schema_json;
    jobTypes_.push_back(std::move(info));
  }
  if (adoptJobTypes_) {
    for (const auto& registered : jobTypes_)
      manifest_.jobTypes.push_back({registered.id, registered.displayName});
  }
  // The manifest is what Polysync listed before loading; the code must register exactly those job types.
  for (const auto& declared : manifest_.jobTypes) {
    const auto it =
        std::find_if(jobTypes_.begin(), jobTypes_.end(), [&](const auto& j) { return j.id == declared.id; });
    if (it == jobTypes_.end()) {
      refuse("the manifest lists job type " + declared.id +
             " but the plugin does not register it; reinstall the "
             "plugin with its own manifest");
    }
    if (it->displayName != declared.displayName) {
      refuse("job type " + declared.id + " is named \"" + it->displayName + "\" by the plugin but \"" +
             declared.displayName + "\" by the manifest; reinstall the plugin with its own manifest");
    }
  }
  for (const auto& registered : jobTypes_) {
    const auto& declared = manifest_.jobTypes;
    if (std::none_of(declared.begin(), declared.end(),
                     [&](const auto& d) { return d.id == registered.id; })) {
      refuse("the plugin registers job type " + registered.id +
             " which its manifest does not list; reinstall the "
             "plugin with its own manifest");
    }
  }
}

LoadedPlugin::~LoadedPlugin() {
  if (initialised_ && entry_->deinit) entry_->deinit();
}

const JobTypeInfo* LoadedPlugin::findJobType(const std::string& idOrDisplayName) const {
  for (const auto& jt : jobTypes_) {
    if (jt.id == idOrDisplayName) return &jt;
  }
  for (const auto& jt : jobTypes_) {
    if (Poco::icompare(jt.displayName, idOrDisplayName) == 0) return &jt;
  }
  return nullptr;
}

}  // namespace polysync::host
