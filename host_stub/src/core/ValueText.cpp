#include "polysync_host/ValueText.h"

#include "polysync_host/JsonWriter.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdio>
#include <cstdlib>

namespace polysync::host {
namespace {

using Poco::Dynamic::Var;

void writeCompact(const Var& v, std::string& out) {
  if (v.isEmpty()) {
    out += "null";
  } else if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto object = v.extract<Poco::JSON::Object::Ptr>();
    out += '{';
    bool first = true;
    for (const auto& [key, item] : *object) {
      if (!first) out += ',';
      first = false;
      out += jsonQuote(key);
      out += ':';
      writeCompact(item, out);
    }
    out += '}';
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto array = v.extract<Poco::JSON::Array::Ptr>();
    out += '[';
    for (size_t i = 0; i < array->size(); ++i) {
      if (i) out += ',';
      writeCompact(array->get(static_cast<unsigned>(i)), out);
    }
    out += ']';
  } else if (v.isString()) {
    out += jsonQuote(v.extract<std::string>());
  } else {
    out += *textOfJsonValue(v);
  }
}

}  // namespace

std::string shortestDouble(double value) {
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  return buf;
}

std::optional<std::string> textOfJsonValue(const Var& value) {
  if (value.isEmpty()) return std::nullopt;
  if (value.isString()) return value.extract<std::string>();
  if (value.isBoolean()) return value.convert<bool>() ? "true" : "false";
  if (value.isInteger()) return value.isSigned() ? std::to_string(value.convert<int64_t>()) : std::to_string(value.convert<uint64_t>());
  if (value.isNumeric()) return shortestDouble(value.convert<double>());
  return compactJson(value);
}

std::string compactJson(const Var& value) {
  std::string out;
  writeCompact(value, out);
  return out;
}

}  // namespace polysync::host
