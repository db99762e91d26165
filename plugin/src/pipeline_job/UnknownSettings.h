// UnknownSettings: the connection settings the job type does not know (a typo such as "Client Secert" is
// otherwise silently ignored), each with the nearest known name when one is close. Names are matched
// regardless of ASCII case, as every layer reads them. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/Setting.h"

namespace aifoundry::pipeline_job {

// One warning line per unknown setting, naming it and the nearest known setting when one is close, e.g.
// "unknown connection setting 'Client Secert' is ignored; did you mean 'Client Secret'?". Never a value.
std::vector<std::string> unknownSettingWarnings(const std::vector<core::Setting>& settings);

}  // namespace aifoundry::pipeline_job
