#include "azureml/StatusDecoder.h"

#include "common/AsciiText.h"

namespace aifoundry::azureml {

RunState StatusDecoder::decode(std::string_view azureStatus) noexcept {
  struct Band {
    const char* status;
    RunState state;
  };
  static constexpr Band kBands[] = {
      // Unapproved (Run History only): waiting for an approval before it may start.
      {"NotStarted", RunState::Starting},
      {"Unapproved", RunState::Starting},
      {"Starting", RunState::Starting},
      {"Provisioning", RunState::Starting},
      {"Preparing", RunState::Starting},
      {"Queued", RunState::Starting},
      {"Running", RunState::Running},
      {"Finalizing", RunState::Running},
      {"CancelRequested", RunState::Running},
      // Pausing (Run History only): still executing until it reaches Paused, which is Unknown (not terminal:
      // it may resume, so the host keeps polling).
      {"Pausing", RunState::Running},
      {"Completed", RunState::Success},
      {"Failed", RunState::Failed},
      {"Canceled", RunState::Cancelled},
      {"Cancelled", RunState::Cancelled},
  };
  const std::string_view s = common::ascii::trim(azureStatus);
  for (const Band& b : kBands)
    if (common::ascii::iequals(s, b.status)) return b.state;
  return RunState::Unknown;
}

bool StatusDecoder::isRunHistoryStatus(std::string_view status) noexcept {
  namespace ascii = common::ascii;
  static constexpr const char* kRunStatus[] = {
      "NotStarted", "Unapproved", "Pausing",         "Paused",    "Starting", "Preparing", "Queued",
      "Running",    "Finalizing", "CancelRequested", "Completed", "Failed",   "Canceled"};
  const std::string_view s = ascii::trim(status);
  for (const char* known : kRunStatus)
    if (ascii::iequals(s, known)) return true;
  return false;
}

bool StatusDecoder::isTerminal(RunState state) noexcept {
  return state == RunState::Success || state == RunState::Failed || state == RunState::Cancelled;
}

}  // namespace aifoundry::azureml
