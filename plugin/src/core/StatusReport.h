// StatusReport: what poll() and cancel() return (the state is a RunState, core/RunState.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/RunState.h"

namespace aifoundry::core {

// One output written back to the run's parameters.
struct OutputValue {
  std::string name;
  std::string value;
};

// How far a run made of steps (a pipeline) has got: its own steps, counted once (a step that is itself a
// pipeline is one step). completed + running + failed + skipped never exceeds total; the rest have not
// started.
struct StepProgress {
  // Names kept for display: "at most a few", the others are only counted in `running`.
  static constexpr std::size_t kMaxRunningNames = 3;

  std::uint32_t total = 0;
  std::uint32_t completed = 0;
  std::uint32_t running = 0;
  std::uint32_t failed = 0;
  std::uint32_t skipped = 0;  // skipped, reused from an earlier run, or canceled before it finished
  std::vector<std::string> runningNames;  // display names of running steps, at most kMaxRunningNames
};

struct StatusReport {
  RunState state = RunState::Unknown;
  std::string rawStatus;                // the provider's own status text, e.g. "CancelRequested"
  std::optional<std::int64_t> startMs;  // Unix milliseconds (UTC), when known
  std::optional<std::int64_t> endMs;
  std::string message;                     // for Failed: why (never empty; the ABI layer backs this up)
  std::vector<OutputValue> outputs;        // in the order they should be written back
  std::string monitorUrl;                  // optional
  std::optional<std::int64_t> nextPollMs;  // hint: poll again in this many milliseconds
  std::optional<StepProgress> progress;    // a running pipeline's steps, when known
};

}  // namespace aifoundry::core
