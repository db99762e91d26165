#include "polysync_host/PlatformSettings.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "polysync_host/Errors.h"
#include "polysync_host/TextFile.h"
#include "polysync_host/ValueText.h"

namespace polysync::host {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

bool isTrue(const Object& o, const std::string& key) {
  if (!o.has(key)) return false;
  const Var v = o.get(key);
  return v.isBoolean() && v.convert<bool>();
}

void collectSecrets(const Var& node, std::set<std::string>& names) {
  if (node.type() == typeid(Array::Ptr)) {
    const auto& array = node.extract<Array::Ptr>();
    for (size_t i = 0; i < array->size(); ++i) collectSecrets(array->get(static_cast<unsigned>(i)), names);
    return;
  }
  if (node.type() != typeid(Object::Ptr)) return;
  const auto& object = node.extract<Object::Ptr>();
  if (object->has("properties") && object->get("properties").type() == typeid(Object::Ptr)) {
    const auto props = object->get("properties").extract<Object::Ptr>();
    for (const auto& [name, schema] : *props) {
      if (schema.type() != typeid(Object::Ptr)) continue;
      const auto s = schema.extract<Object::Ptr>();
      if (isTrue(*s, "writeOnly") || isTrue(*s, "x-polysync-secret")) names.insert(name);
    }
  }
  for (const auto& [key, child] : *object) {
    (void)key;
    collectSecrets(child, names);
  }
}

}  // namespace

std::set<std::string> secretSettingNames(const std::optional<std::string>& settingsSchemaJson) {
  std::set<std::string> names{"Client Secret", "Certificate", "Certificate Password"};
  if (!settingsSchemaJson) return names;
  try {
    Poco::JSON::Parser parser;
    collectSecrets(parser.parse(*settingsSchemaJson), names);
  } catch (const Poco::Exception&) {
    // A broken schema is the plugin's problem; the always-secret names still apply.
  }
  return names;
}

std::vector<Setting> parsePlatformSettings(const std::string& text, const std::string& source,
                                           const std::set<std::string>& secretNames) {
  Var root;
  try {
    Poco::JSON::Parser parser;
    root = parser.parse(text);
  } catch (const Poco::Exception& e) {
    throw UsageError("--platform " + source + " is not valid JSON (" + oneLineDetail(e.message()) +
                     "); write a JSON object of attributes, e.g. {\"Subscription Id\": \"...\"}");
  }
  if (root.type() != typeid(Object::Ptr)) {
    throw UsageError("--platform " + source +
                     " must hold a JSON object of attributes, e.g. {\"Subscription Id\": \"...\"}");
  }
  std::vector<Setting> settings;
  for (const auto& [key, value] : *root.extract<Object::Ptr>()) {
    if (value.type() == typeid(Object::Ptr) || value.type() == typeid(Array::Ptr)) {
      throw UsageError("--platform " + source + ": attribute \"" + key +
                       "\" must be a string, number or boolean, not an object or array");
    }
    const auto valueText = textOfJsonValue(value);
    if (!valueText) continue;  // null: the attribute is not set
    settings.push_back(Setting{key, *valueText, secretNames.count(key) > 0});
  }
  return settings;
}

std::vector<Setting> readPlatformSettings(const std::string& path, const std::set<std::string>& secretNames) {
  return parsePlatformSettings(readTextFile(path, "--platform"), path, secretNames);
}

}  // namespace polysync::host
