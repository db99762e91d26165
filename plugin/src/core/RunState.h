// RunState: Polysync's state of a run, in the ABI's banded numbers (PSJ_STATE_*): live states below 100,
// terminal ones from 100. The one model of it: the ABI layer writes it, the job type reports it, and
// azureml/ maps Azure's statuses onto it (StatusDecoder).
#pragma once

#include <cstdint>

namespace aifoundry::core {

enum class RunState : std::int32_t {
  Unknown = 0,
  Starting = 10,
  Running = 20,
  Success = 100,
  Failed = 101,
  Cancelled = 102,
};

inline bool isTerminal(RunState state) noexcept { return static_cast<std::int32_t>(state) >= 100; }

// "Unknown", "Starting", "Running", "Success", "Failed", "Cancelled".
const char* toString(RunState state) noexcept;

}  // namespace aifoundry::core
