// Reads a small input file named on the command line.
#pragma once

#include <optional>
#include <string>

namespace polysync::host {

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> tryReadFile(const std::string& path);

// The whole file. Throws UsageError "<option> <path> cannot be read; ..." when it cannot be read.
std::string readTextFile(const std::string& path, const std::string& option);

}  // namespace polysync::host
