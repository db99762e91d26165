// StepProgress: a pipeline's step runs (Run History's runs/{id}/children) -> how far the pipeline has got.
// Only the pipeline's own children are counted: a step that is itself a pipeline is one step, whatever it
// runs inside (reading its children too would cost a request per sub-pipeline per poll).
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "azureml/RunHistoryDecoder.h"
#include "core/StatusReport.h"

namespace aifoundry::azureml {

class StepProgress {
 public:
  // `declaredSteps`: how many steps the pipeline declares (the job's `jobs`), 0 when unknown. Azure lists a
  // step among the children only once it was scheduled, so the total is the larger of the two counts.
  // completed: Completed and run this time; running: started and not finished (Queued, Preparing, Running,
  // Finalizing, ...); skipped: reused from an earlier run (Completed with azureml.isreused), or Canceled;
  // runningNames: the running steps' display names in list order, at most `maxNames`.
  static core::StepProgress summarize(const std::vector<RunHistoryRun>& children, std::size_t declaredSteps,
                                      std::size_t maxNames);
};

}  // namespace aifoundry::azureml
