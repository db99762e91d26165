// ArmAssets: the workspace's other ARM resources that Azure's SDK reads before it submits a pipeline job —
// computes/{name}, components/{name}/versions/{v}, datastores and datastores/{name} — in the shapes Azure
// answers with. Read-only: the emulated workspace has the computes and components its templates use and one
// default datastore.
#pragma once

#include <string>

#include "EmulatorState.h"
#include "HttpExchange.h"

namespace azureml_emulator {

Reply computeResource(const EmulatorState& state, const std::string& name);
Reply componentVersion(const EmulatorState& state, const std::string& name, const std::string& version);
Reply datastoreList(const EmulatorState& state);
Reply datastoreResource(const EmulatorState& state, const std::string& name);

}  // namespace azureml_emulator
