#ifndef BOOST_DLL_USE_STD_FS
#define BOOST_DLL_USE_STD_FS
#endif
#include "polysync_host/PluginLibrary.h"

#include <dlfcn.h>

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <vector>

namespace polysync::host {
namespace {

std::mutex& loadMutex() {
  static std::mutex mutex;
  return mutex;
}

// Libraries stay loaded for the life of the process (see the header); reachable, so not a leak.
void keepLoaded(boost::dll::shared_library library) {
  static auto* libraries = new std::vector<boost::dll::shared_library>();
  libraries->push_back(std::move(library));
}

}  // namespace

const psj_plugin_entry* openPluginLibrary(const std::string& path) {
  using Kind = PluginLibraryError::Kind;
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  std::lock_guard<std::mutex> lock(loadMutex());
  boost::dll::shared_library library;
  library.load(ec ? std::filesystem::path(path) : absolute, ec,
               boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (ec || !library.is_loaded()) {
    const char* why = ::dlerror();  // Boost.DLL leaves dlopen's reason in place
    throw PluginLibraryError(
        Kind::CannotLoad,
        std::string("it cannot be loaded (") + (why ? why : ec.message()) + "); rebuild it for this system");
  }
  if (!library.has(PSJ_ENTRY_SYMBOL)) {
    throw PluginLibraryError(Kind::NoEntry, std::string("it does not export ") + PSJ_ENTRY_SYMBOL +
                                                "; it is not a polysync_jobtype_v1 plugin");
  }
  auto& entryFn = library.get<const psj_plugin_entry*()>(PSJ_ENTRY_SYMBOL);
  const psj_plugin_entry* entry = entryFn();
  keepLoaded(std::move(library));
  if (!entry) {
    throw PluginLibraryError(Kind::NullEntry,
                             std::string(PSJ_ENTRY_SYMBOL) + "() returned NULL; the plugin is broken");
  }
  return entry;
}

}  // namespace polysync::host
