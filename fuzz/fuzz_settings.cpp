// Fuzz target: platform / connection settings on both sides of the ABI.
//   host:   the --platform JSON file -> parsePlatformSettings, and a settings schema -> secretSettingNames;
//   plugin: the settings it receives -> pipeline_job::ConnectionSettings::parse.
// Input: the platform JSON, then optionally "\n#--\n" and "key\tvalue" lines, which are added as settings
// too (so the fuzzer reaches the plugin's checks without having to write JSON).
// Invariants: a result or the layer's own error (UsageError, JobTypeError(InvalidSettings)), one-line
// messages, and a secret value (a canary the fuzzer cannot choose) never appears in a message.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "FuzzCheck.h"
#include "FuzzInput.h"
#include "HostMessages.h"
#include "core/JobTypeError.h"
#include "core/Setting.h"
#include "pipeline_job/ConnectionSettings.h"
#include "polysync_host/Errors.h"
#include "polysync_host/PlatformSettings.h"
#include "polysync_host/ResultJson.h"

namespace host = polysync::host;
using namespace aifoundry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::SplitInput input =
      fuzz::splitInput(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string document(input.document);
  const std::set<std::string> secretNames = host::secretSettingNames(document);
  std::vector<host::Setting> hostSettings;
  try {
    hostSettings = host::parsePlatformSettings(document, "platform.json", secretNames);
  } catch (const host::UsageError& e) {
    fuzz::checkShownAsOneLine(e.what());
  }
  std::vector<core::Setting> settings;
  for (const auto& s : hostSettings)
    settings.push_back(core::Setting{s.key, common::SecretString(s.value), s.secret});
  for (const auto& line : input.lines)
    settings.push_back(
        core::Setting{fuzz::field(line, 0), common::SecretString(fuzz::field(line, 1)), false});
  // Secrets the fuzzer does not choose, so finding one in a message is a leak and not a coincidence.
  static const std::string kCanary = "canary-7f3a9c51-secret";
  settings.push_back(core::Setting{"Client Secret", common::SecretString(kCanary), true});
  settings.push_back(core::Setting{"Certificate Password", common::SecretString(kCanary), true});
  try {
    const pipeline_job::ConnectionSettings parsed = pipeline_job::ConnectionSettings::parse(settings);
    FUZZ_CHECK(!parsed.apiVersion.empty(), "accepted settings without an API version");
  } catch (const core::JobTypeError& e) {
    FUZZ_CHECK(fuzz::isOneLine(e.message()), "error is not one line: " + e.message());
    // Non-secret values may be quoted (a malformed Subscription Id is), and the fuzzer learns the canary from
    // comparisons, so only a canary that no non-secret value carries counts as a leak.
    bool quotable = false;
    for (const auto& s : settings)
      quotable = quotable || (!s.secret && s.value.view().find(kCanary) != std::string_view::npos);
    FUZZ_CHECK(quotable || e.message().find(kCanary) == std::string::npos,
               "a secret value appears in an error");
  }
  return 0;
}
