// JsonText: JSON reading (Poco, key order kept) and writing (our own writer, so '/' is not escaped and
// output is compact and stable). Pure functions.
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

namespace azureml_emulator::json {

// Parses text that must be a JSON object; throws std::invalid_argument with the parser's reason.
Poco::JSON::Object::Ptr parseObject(const std::string& text);
Poco::Dynamic::Var parse(const std::string& text);

std::string quote(std::string_view text);
void appendQuoted(std::string& out, std::string_view text);
void append(std::string& out, const Poco::Dynamic::Var& value);
std::string write(const Poco::Dynamic::Var& value);
std::string write(const Poco::JSON::Object::Ptr& object);
// Keys sorted at every level: two bodies that mean the same give the same text.
std::string writeCanonical(const Poco::Dynamic::Var& value);

// Typed accessors that return nullptr / "" when the member is absent or of another type.
Poco::JSON::Object::Ptr objectOf(const Poco::JSON::Object::Ptr& parent, const std::string& key);
bool isString(const Poco::Dynamic::Var& value);
std::string stringOf(const Poco::JSON::Object::Ptr& parent, const std::string& key);
std::string typeName(const Poco::Dynamic::Var& value);  // "string", "number", "object", ... for messages

}  // namespace azureml_emulator::json
