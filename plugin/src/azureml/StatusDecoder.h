// StatusDecoder: Azure ML properties.status -> the banded Polysync state (docs/azure-contract.md, "Poll").
// Values equal the ABI's PSJ_STATE_* numbers (live 0..99, terminal 100..199). Pure; thread-safe.
#pragma once

#include <string_view>

namespace aifoundry::azureml {

enum class RunState {
  Unknown = 0,
  Starting = 10,
  Running = 20,
  Success = 100,
  Failed = 101,
  Cancelled = 102
};

class StatusDecoder {
 public:
  // One contract for both planes (ARM's JobStatus and Run History's RunStatus), case-insensitive:
  // NotStarted/Unapproved/Starting/Provisioning/Preparing/Queued -> Starting;
  // Running/Finalizing/CancelRequested/Pausing -> Running; Completed -> Success; Failed -> Failed;
  // Canceled (also "Cancelled") -> Cancelled; anything else (NotResponding, Paused, Unknown, new values) ->
  // Unknown.
  static RunState decode(std::string_view azureStatus) noexcept;
  // True for the values of Run History's RunStatus enum (NotStarted, Unapproved, Pausing, Paused, Starting,
  // Preparing, Queued, Running, Finalizing, CancelRequested, Completed, Failed, Canceled), case-insensitive:
  // any other value from the data plane is one it does not know, and ARM is asked instead.
  static bool isRunHistoryStatus(std::string_view status) noexcept;
  static bool isTerminal(RunState state) noexcept;
  static bool isTerminalStatus(std::string_view azureStatus) noexcept {
    return isTerminal(decode(azureStatus));
  }
};

// "Unknown", "Starting", "Running", "Success", "Failed", "Cancelled".
const char* toString(RunState state) noexcept;

}  // namespace aifoundry::azureml
