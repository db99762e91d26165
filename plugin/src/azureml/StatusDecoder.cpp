#include "azureml/StatusDecoder.h"

#include "common/AsciiText.h"

namespace aifoundry::azureml {

RunState StatusDecoder::decode(std::string_view azureStatus) noexcept {
  struct Band {
    const char* status;
    RunState state;
  };
  static constexpr Band kBands[] = {
      {"NotStarted", RunState::Starting},   {"Starting", RunState::Starting},
      {"Provisioning", RunState::Starting}, {"Preparing", RunState::Starting},
      {"Queued", RunState::Starting},       {"Running", RunState::Running},
      {"Finalizing", RunState::Running},    {"CancelRequested", RunState::Running},
      {"Completed", RunState::Success},     {"Failed", RunState::Failed},
      {"Canceled", RunState::Cancelled},    {"Cancelled", RunState::Cancelled},
  };
  const std::string_view s = common::ascii::trim(azureStatus);
  for (const Band& b : kBands)
    if (common::ascii::iequals(s, b.status)) return b.state;
  return RunState::Unknown;
}

bool StatusDecoder::isTerminal(RunState state) noexcept {
  return state == RunState::Success || state == RunState::Failed || state == RunState::Cancelled;
}

const char* toString(RunState state) noexcept {
  switch (state) {
    case RunState::Unknown:
      return "Unknown";
    case RunState::Starting:
      return "Starting";
    case RunState::Running:
      return "Running";
    case RunState::Success:
      return "Success";
    case RunState::Failed:
      return "Failed";
    case RunState::Cancelled:
      return "Cancelled";
  }
  return "Unknown";
}

}  // namespace aifoundry::azureml
