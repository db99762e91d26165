// StatusDecoder: Azure ML properties.status -> Polysync's state of the run (core::RunState, the one model
// of it; docs/azure-contract.md, "Poll"). Pure; thread-safe.
#pragma once

#include <string_view>

#include "core/RunState.h"

namespace aifoundry::azureml {

using core::RunState;

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

using core::toString;

}  // namespace aifoundry::azureml
