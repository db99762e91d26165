// Records a plugin breaking the ABI's rules (a sink called after its callback returned, a NULL string with a
// length, OK without the required sink call, ...). The host logs each one as an error and goes on safely;
// tests read the count.
#pragma once

#include <cstdint>
#include <string_view>

namespace polysync::host {

class Logger;

// Logs "contract violation: <what>" at error level and counts it. Any thread.
void reportContractViolation(Logger& logger, std::string_view what);

// How many violations this process has recorded. Any thread.
uint64_t contractViolationCount();

}  // namespace polysync::host
