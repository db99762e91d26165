// Polysync's names for the ABI's numeric values: parameter directions, data types, run states.
// The names are the command line's and the JSON output's vocabulary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace polysync::host {

// "Input", "Output", "Input&Output"; PSJ_DIRECTION_UNSET reads as "Input" (Polysync's rule).
const char* directionName(int32_t direction);
// Accepts the names above, case-insensitively; nullopt for anything else.
std::optional<int32_t> parseDirection(const std::string& name);

// "String", "Secret", "Int", "Float", "Bool", "JSON", "JsonArray"; unknown values read as "String".
const char* dataTypeName(int32_t dataType);
// Accepts the names above, case-insensitively; nullopt for anything else.
std::optional<int32_t> parseDataType(const std::string& name);

// "Unknown", "Starting", "Running", "Success", "Failed", "Cancelled". A state this host does not know is
// classified by its band: a live one reads "Unknown", a terminal one "Failed".
const char* stateName(int32_t state);

// Names of the PSJ_CAP_* bits set in `capabilities`, e.g. {"testConnection", "import"}; unknown bits are
// listed as "0x..." so a newer plugin's capabilities stay visible.
std::vector<std::string> capabilityNames(uint32_t capabilities);

}  // namespace polysync::host
