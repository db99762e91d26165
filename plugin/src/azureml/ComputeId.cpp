#include "azureml/ComputeId.h"

#include "azureml/AzureMlError.h"
#include "common/AsciiText.h"
#include "common/SettingNames.h"

namespace aifoundry::azureml {

std::string ComputeId::resolve(std::string_view attribute, const WorkspaceRef& workspace) {
  std::string_view value = common::ascii::trim(attribute);
  if (value.empty()) return {};
  if (value.front() == '/') return std::string(value);
  if (common::ascii::istartsWith(value, "azureml:")) value.remove_prefix(8);
  bool ok = !value.empty() && value.size() <= 255;
  for (const char c : value) ok = ok && (common::ascii::isWordChar(c) || c == '-');
  if (!ok)
    throw AzureMlError(errc::InvalidSetting,
                       std::string("Job attribute '") + common::settings::kComputeNameAttribute +
                           "' has the value '" + common::ascii::oneLine(attribute, 100) +
                           "'; give a compute name (letters, digits, '_', '-') or a full "
                           "ARM id starting with /subscriptions/");
  return workspace.armId() + "/computes/" + std::string(value);
}

}  // namespace aifoundry::azureml
