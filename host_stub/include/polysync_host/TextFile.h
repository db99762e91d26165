// Reads a small input file named on the command line.
#pragma once

#include <string>

namespace polysync::host {

// The whole file. Throws UsageError "<option> <path> cannot be read; ..." when it cannot be read.
std::string readTextFile(const std::string& path, const std::string& option);

}  // namespace polysync::host
