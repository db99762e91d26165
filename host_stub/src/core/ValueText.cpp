#include "polysync_host/ValueText.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "polysync_host/JsonWriter.h"

namespace polysync::host {
using Poco::Dynamic::Var;

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
  if (value.isInteger())
    return value.isSigned() ? std::to_string(value.convert<int64_t>())
                            : std::to_string(value.convert<uint64_t>());
  if (value.isNumeric()) return shortestDouble(value.convert<double>());
  return compactJson(value);
}

std::string compactJson(const Var& value) {
  // Poco's stringifier keeps the key order of an object parsed with preserveObjectOrder.
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  return out.str();
}

}  // namespace polysync::host
