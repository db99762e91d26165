#include "core/Setting.h"

namespace aifoundry::core {

const Setting* findSetting(const std::vector<Setting>& settings, std::string_view key) noexcept {
  for (const Setting& setting : settings) {
    if (setting.key == key) return &setting;
  }
  return nullptr;
}

}  // namespace aifoundry::core
