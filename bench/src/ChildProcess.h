// ChildProcess: measurements that need a fresh process so their memory numbers are not mixed with the rest
// of the benchmark (or with each other): plugin start-up (load + init + create, idle instance memory) and
// import (peak memory while streaming every job to a counting sink). The benchmark re-executes itself with
// `--child KIND ...`; the child prints one JSON object on stdout.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace bench {

// In the child: `args` after "--child". Returns the exit code.
int childMain(const std::vector<std::string>& args);

// In the parent: runs `self --child kind --plugin P --base-url U [--ca C]` and returns the child's numbers.
// Throws std::runtime_error when the child fails.
std::map<std::string, double> runChild(const std::string& self, const std::string& kind,
                                       const std::string& plugin, const std::string& baseUrl,
                                       const std::string& caPath);

}  // namespace bench
