// Wiping plain strings that held a secret. The lower layers take settings and parameter values as
// std::string (http::Attributes, azureml::Parameter); this layer copies secrets into those only for as long
// as a call needs them and wipes them afterwards, so a secret does not linger in freed heap blocks. Pure
// functions; the caller owns the strings.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace aifoundry::pipeline_job {

// Overwrites the characters (in a way the optimiser keeps) and empties the string.
void wipe(std::string& text) noexcept;
void wipeValues(std::map<std::string, std::string>& values) noexcept;

}  // namespace aifoundry::pipeline_job
