// Polysync's text form of JSON values (settings in --platform, values in --param-file, ...).
#pragma once

#include <Poco/Dynamic/Var.h>

#include <optional>
#include <string>

namespace polysync::host {

// Strings as they are, integers in decimal, other numbers in shortest round-trip form, booleans
// "true"/"false", objects and arrays as compact JSON; nullopt for null.
std::optional<std::string> textOfJsonValue(const Poco::Dynamic::Var& value);

// The shortest decimal text that reads back as exactly `value` (e.g. 0.1 -> "0.1", 1e21 -> "1e+21").
std::string shortestDouble(double value);

// `value` (an object, array or scalar) as compact JSON text.
std::string compactJson(const Poco::Dynamic::Var& value);

}  // namespace polysync::host
