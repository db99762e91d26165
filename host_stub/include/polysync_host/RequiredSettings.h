// The settings a job type cannot connect without (the top-level "required" array of its settings schema), and
// the usage error for a command that needs a connection but was given no --platform file.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace polysync::host {

// The names in the schema's top-level "required" array, in its order; strings only. Conditional requirements
// (inside if/then, oneOf) depend on other settings and are left to the plugin. An unreadable schema has none.
std::vector<std::string> requiredSettingNames(const std::optional<std::string>& settingsSchemaJson);

// Throws UsageError naming the missing --platform FILE when `jobTypeName`'s schema has required settings.
void requirePlatformFile(const std::string& command, const std::string& jobTypeName,
                         const std::optional<std::string>& settingsSchemaJson);

}  // namespace polysync::host
