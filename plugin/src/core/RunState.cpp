#include "core/RunState.h"

namespace aifoundry::core {

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

}  // namespace aifoundry::core
