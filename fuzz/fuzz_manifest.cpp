// Fuzz target: a plugin manifest (read before any plugin code is loaded) -> polysync::host::parseManifest.
// Invariant: a manifest that names an id, a library and a job type, or PluginLoadError with one line.
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzCheck.h"
#include "HostMessages.h"
#include "polysync_host/Errors.h"
#include "polysync_host/Manifest.h"
#include "polysync_host/ResultJson.h"

namespace host = polysync::host;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const host::Manifest manifest = host::parseManifest(text, "/fuzz/plugins/manifest.json");
    FUZZ_CHECK(!manifest.id.empty() && !manifest.library.empty(),
               "accepted a manifest without id or library");
    FUZZ_CHECK(!manifest.jobTypes.empty(), "accepted a manifest without job types");
    (void)manifest.libraryPath();
    (void)manifest.declaresJobType(manifest.jobTypes.front().displayName);
  } catch (const host::PluginLoadError& e) {
    fuzz::checkShownAsOneLine(e.what());
  }
  return 0;
}
