// SeedLoader: fills the workspace and the tenant from a seed document (format in README.md).
// ${workspaceId}, ${subscription}, ${resourceGroup}, ${workspace} and ${tenant} are replaced first,
// so one seed fits any configured workspace.
#pragma once

#include <string>

#include "EmulatorState.h"

namespace azureml_emulator {

class SeedLoader {
 public:
  // Throws std::invalid_argument naming `origin` and the offending entry.
  static void load(EmulatorState& state, const std::string& text, const std::string& origin);
  static void loadFile(EmulatorState& state, const std::string& path);
  static void loadDemo(EmulatorState& state);
};

}  // namespace azureml_emulator
