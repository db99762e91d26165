#include "core/Setting.h"

namespace aifoundry::core {
namespace {

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

const Setting* findSetting(const std::vector<Setting>& settings, std::string_view key) noexcept {
  for (const Setting& setting : settings) {
    if (setting.key == key) return &setting;
  }
  // Attribute names are matched regardless of case, as the sign-in and ARM layers (http::AttributeReader)
  // match them: one setting must never be honoured by one layer and ignored by another.
  for (const Setting& setting : settings) {
    if (equalsIgnoringAsciiCase(setting.key, key)) return &setting;
  }
  return nullptr;
}

}  // namespace aifoundry::core
