// TimeText: the clock and the time formats Azure uses. Pure functions (plus reading the clock).
#pragma once

#include <cstdint>
#include <string>

namespace azureml_emulator::timetext {

int64_t nowMillis();                            // Unix epoch milliseconds
std::string iso8601(int64_t epochMillis);       // 2024-05-01T10:00:03.123Z (ARM systemData)
std::string runHistory(int64_t epochMillis);    // 2024-05-01T10:00:03.1230000+00:00 (Run History, 7 digits)
std::string httpDate(int64_t epochMillis);      // Wed, 01 May 2024 10:00:03 GMT
int64_t parseIso8601(const std::string& text);  // throws std::invalid_argument

}  // namespace azureml_emulator::timetext
