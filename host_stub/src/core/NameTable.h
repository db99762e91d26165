// Lookups in a table of the ABI's numeric values and their names: the one way the host names directions,
// data types, run states, error codes and log levels, and reads those names back.
#pragma once

#include <Poco/String.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace polysync::host {

// One entry of a table: a value and its name.
using NamedValue = std::pair<int32_t, const char*>;

// The name of `value` in `table`; `fallback` for a value the table does not list.
template <size_t N>
const char* nameIn(const NamedValue (&table)[N], int32_t value, const char* fallback) {
  for (const auto& [known, name] : table) {
    if (known == value) return name;
  }
  return fallback;
}

// The value named `name` in `table`, the name compared case-insensitively; nullopt for any other name.
template <size_t N>
std::optional<int32_t> valueNamed(const NamedValue (&table)[N], const std::string& name) {
  for (const auto& [value, known] : table) {
    if (Poco::icompare(name, std::string(known)) == 0) return value;
  }
  return std::nullopt;
}

}  // namespace polysync::host
