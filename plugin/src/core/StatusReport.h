// StatusReport: what poll() and cancel() return. RunState uses the ABI's banded numbers (PSJ_STATE_*):
// live states below 100, terminal ones from 100.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// One output written back to the run's parameters.
struct OutputValue {
  std::string name;
  std::string value;
};

struct StatusReport {
  RunState state = RunState::Unknown;
  std::string rawStatus;                 // the provider's own status text, e.g. "CancelRequested"
  std::optional<std::int64_t> startMs;   // Unix milliseconds (UTC), when known
  std::optional<std::int64_t> endMs;
  std::string message;                   // for Failed: why (never empty; the ABI layer backs this up)
  std::vector<OutputValue> outputs;      // in the order they should be written back
  std::string monitorUrl;                // optional
  std::optional<std::int64_t> nextPollMs;  // hint: poll again in this many milliseconds
};

}  // namespace aifoundry::core
