// --platform FILE: a JSON object of platform attributes by their Polysync names ("Subscription Id", ...),
// which becomes the psj_kv settings of the connection.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "polysync_host/RunRequest.h"

namespace polysync::host {

// The setting names to flag PSJ_KV_SECRET: every property the job type's settings schema marks
// "writeOnly": true or "x-polysync-secret": true (at any depth, e.g. inside oneOf branches), and always
// "Client Secret", "Certificate" and "Certificate Password". An unreadable schema adds nothing.
std::set<std::string> secretSettingNames(const std::optional<std::string>& settingsSchemaJson);

// Parses the platform file's text: values may be strings, numbers or booleans (made text); null omits the
// setting. Throws UsageError naming `source` for anything else.
std::vector<Setting> parsePlatformSettings(const std::string& text, const std::string& source,
                                           const std::set<std::string>& secretNames);

// Reads and parses the file. Throws UsageError when it cannot be read or parsed.
std::vector<Setting> readPlatformSettings(const std::string& path, const std::set<std::string>& secretNames);

}  // namespace polysync::host
