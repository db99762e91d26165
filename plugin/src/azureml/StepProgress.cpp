#include "azureml/StepProgress.h"

#include <algorithm>

#include "azureml/StatusDecoder.h"
#include "common/AsciiText.h"

namespace aifoundry::azureml {

core::StepProgress StepProgress::summarize(const std::vector<RunHistoryRun>& children,
                                           std::size_t declaredSteps, std::size_t maxNames) {
  core::StepProgress counts;
  const std::size_t total = std::max(children.size(), declaredSteps);
  counts.total = static_cast<std::uint32_t>(std::min<std::size_t>(total, UINT32_MAX));
  for (const RunHistoryRun& child : children) {
    const std::string_view status = common::ascii::trim(child.status);
    // Listed but not started (and an empty status, which a server should not send): pending, not counted.
    if (status.empty() || common::ascii::iequals(status, "NotStarted")) continue;
    switch (StatusDecoder::decode(status)) {
      case RunState::Success:
        ++(child.reused ? counts.skipped : counts.completed);
        break;
      case RunState::Failed:
        ++counts.failed;
        break;
      case RunState::Cancelled:
        ++counts.skipped;
        break;
      case RunState::Starting:
      case RunState::Running:
      case RunState::Unknown:  // NotResponding, Paused, a status added later: started and not finished
        ++counts.running;
        if (counts.runningNames.size() < maxNames) counts.runningNames.push_back(child.name);
        break;
    }
  }
  return counts;
}

}  // namespace aifoundry::azureml
