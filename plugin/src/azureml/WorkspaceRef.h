// WorkspaceRef: the three settings that name an Azure ML workspace, validated against Azure's own rules so a
// typo fails with a clear message naming the setting instead of as a 404 or 400 from ARM.
// A plain value type; thread-safe once built.
#pragma once

#include <string>
#include <string_view>

namespace aifoundry::azureml {

// Polysync attribute names, used in error messages.

struct WorkspaceRef {
  std::string subscriptionId;
  std::string resourceGroup;
  std::string workspaceName;

  // Trims the three values and checks them: subscription = GUID (8-4-4-4-12 hex); resource group = 1-90
  // characters of letters, digits, '_', '-', '.', '(', ')' (non-ASCII letters allowed), not ending in '.';
  // workspace = ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$. Throws AzureMlError(InvalidSetting) naming the setting.
  static WorkspaceRef validated(std::string_view subscriptionId, std::string_view resourceGroup,
                                std::string_view workspaceName);

  // "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}"
  // (unencoded: this is the ARM id as it appears in JSON bodies and in the Studio's wsid parameter).
  std::string armId() const;
};

}  // namespace aifoundry::azureml
