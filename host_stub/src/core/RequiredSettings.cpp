#include "polysync_host/RequiredSettings.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "polysync_host/Errors.h"

namespace polysync::host {

std::vector<std::string> requiredSettingNames(const std::optional<std::string>& settingsSchemaJson) {
  std::vector<std::string> names;
  if (!settingsSchemaJson) return names;
  try {
    Poco::JSON::Parser parser;
    const auto root = parser.parse(*settingsSchemaJson);
    if (root.type() != typeid(Poco::JSON::Object::Ptr)) return names;
    const auto required = root.extract<Poco::JSON::Object::Ptr>()->getArray("required");
    if (!required) return names;
    for (const auto& name : *required) {
      if (name.isString()) names.push_back(name.extract<std::string>());
    }
  } catch (const Poco::Exception&) {
    // A broken schema is the plugin's problem: without a list, the plugin names what is missing itself.
  }
  return names;
}

void requirePlatformFile(const std::string& command, const std::string& jobTypeName,
                         const std::optional<std::string>& settingsSchemaJson) {
  const auto required = requiredSettingNames(settingsSchemaJson);
  if (required.empty()) return;
  // The names come from the plugin: made one-line, and only the first few, so the error stays one short line.
  constexpr size_t kShown = 5;
  std::string names;
  for (size_t i = 0; i < required.size() && i < kShown; ++i)
    names += (i ? ", \"" : "\"") + oneLineDetail(required[i], 60) + "\"";
  if (required.size() > kShown) names += " and " + std::to_string(required.size() - kShown) + " more";
  throw UsageError(command + " needs the option --platform FILE: job type \"" +
                   oneLineDetail(jobTypeName, 80) + "\" requires the settings " + names +
                   "; write them in a JSON file, e.g. {\"" + oneLineDetail(required.front(), 60) +
                   "\": \"...\"}, and pass --platform FILE");
}

}  // namespace polysync::host
