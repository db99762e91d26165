// WorkspaceContext: the fixed identity of the emulated workspace, shared read-only by every route.
#pragma once

#include <string>

namespace azureml_emulator {

struct WorkspaceContext {
  std::string subscription;
  std::string resourceGroup;
  std::string workspace;
  std::string tenant;
  std::string region;
  std::string studioHost;
  int stepMillis = 50;
  int runningSteps = 1;  // clock steps a run stays Running unless its tags say (emulator.runningSteps)

  std::string resourceGroupId() const {
    return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup;
  }
  std::string workspaceId() const {
    return resourceGroupId() + "/providers/Microsoft.MachineLearningServices/workspaces/" + workspace;
  }
};

}  // namespace azureml_emulator
