// RunResult: what run() returns — the new run's id and where a person can watch it.
#pragma once

#include <string>

namespace aifoundry::core {

struct RunResult {
  std::string runId;       // opaque, persistable, 1..1024 bytes; poll/cancel get it back
  std::string monitorUrl;  // optional; empty = none
};

}  // namespace aifoundry::core
