// PipelineSettingsCheck: the offline validation of the "AI Foundry Pipeline Job" connection settings that
// the placeholder job type performs in create() — required names, enum values, the settings each sign-in
// method needs, and the shape of switches and numbers. Throws JobTypeError InvalidSettings naming the
// setting, never its value.
#pragma once

#include <vector>

#include "core/Setting.h"

namespace aifoundry::abi {

void checkPipelineSettings(const std::vector<core::Setting>& settings);

}  // namespace aifoundry::abi
