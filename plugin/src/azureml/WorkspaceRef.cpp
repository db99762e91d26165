#include "azureml/WorkspaceRef.h"

#include "azureml/AzureMlError.h"
#include "common/AsciiText.h"
#include "common/SettingNames.h"

namespace aifoundry::azureml {
namespace {

[[noreturn]] void invalid(const char* setting, std::string_view value, const std::string& rule) {
  throw AzureMlError(errc::InvalidSetting, std::string("Setting '") + setting + "' has the value '" +
                                               common::ascii::oneLine(value, 100) + "', " + rule);
}

void checkSubscription(std::string_view s) {
  const std::string rule =
      "which is not a subscription id (a GUID like 00000000-0000-0000-0000-000000000000)";
  if (s.size() != 36) invalid(common::settings::kSubscriptionId, s, rule);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !common::ascii::isHexDigit(s[i]))
      invalid(common::settings::kSubscriptionId, s, rule);
  }
}

void checkResourceGroup(std::string_view s) {
  const std::string rule =
      "which is not a resource group name (1-90 letters, digits, '_', '-', '.', '(' or ')', not ending in "
      "'.')";
  std::size_t characters = 0;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u & 0xC0) != 0x80) ++characters;  // count UTF-8 characters, not bytes
    const bool ok = common::ascii::isWordChar(c) || c == '-' || c == '.' || c == '(' || c == ')' || u >= 0x80;
    if (!ok) invalid(common::settings::kResourceGroupName, s, rule);
  }
  if (characters == 0 || characters > 90 || s.back() == '.')
    invalid(common::settings::kResourceGroupName, s, rule);
}

void checkWorkspace(std::string_view s) {
  const std::string rule =
      "which is not a workspace name (3-33 letters, digits, '_' or '-', starting with a letter "
      "or digit)";
  if (s.size() < 3 || s.size() > 33 || !common::ascii::isAlnum(s.front()))
    invalid(common::settings::kWorkspaceName, s, rule);
  for (const char c : s)
    if (!common::ascii::isWordChar(c) && c != '-') invalid(common::settings::kWorkspaceName, s, rule);
}

}  // namespace

WorkspaceRef WorkspaceRef::validated(std::string_view subscriptionId, std::string_view resourceGroup,
                                     std::string_view workspaceName) {
  WorkspaceRef ref{std::string(common::ascii::trim(subscriptionId)),
                   std::string(common::ascii::trim(resourceGroup)),
                   std::string(common::ascii::trim(workspaceName))};
  checkSubscription(ref.subscriptionId);
  checkResourceGroup(ref.resourceGroup);
  checkWorkspace(ref.workspaceName);
  return ref;
}

std::string WorkspaceRef::armId() const {
  return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup +
         "/providers/Microsoft.MachineLearningServices/workspaces/" + workspaceName;
}

}  // namespace aifoundry::azureml
