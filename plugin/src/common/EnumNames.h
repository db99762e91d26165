// EnumNames: an enum's values and their names side by side in one table, read both ways. The names are the
// ones messages, logs and the ABI show, so each is written once, next to its value.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "common/AsciiText.h"

namespace aifoundry::common {

template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;
};

// The name of `value` in `table`, or `fallback` when the table does not list it.
template <typename Enum, std::size_t N>
constexpr const char* nameIn(const EnumName<Enum> (&table)[N], Enum value, const char* fallback) noexcept {
  for (const EnumName<Enum>& entry : table)
    if (entry.value == value) return entry.name;
  return fallback;
}

// The value named `name` in `table`, names compared without regard to ASCII case; nullopt for any other
// name. A value may be listed under more than one name (an accepted alias after the name written).
template <typename Enum, std::size_t N>
std::optional<Enum> valueNamed(const EnumName<Enum> (&table)[N], std::string_view name) {
  for (const EnumName<Enum>& entry : table)
    if (ascii::iequals(name, entry.name)) return entry.value;
  return std::nullopt;
}

}  // namespace aifoundry::common
