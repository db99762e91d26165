// RunObservation: everything one poll learned about a run from Azure — the Run History run of a live run, or
// the job resource and, when the job lacks them and the run has finished, the Run History run and its first
// failed step; while it runs, its start time and step progress (paced). It does not depend on who asked (the
// RunRef's parameters), so concurrent polls of one run can share it. A plain value type.
#pragma once

#include <cstdint>
#include <optional>

#include "azureml/Job.h"
#include "azureml/RunHistoryDecoder.h"
#include "core/StatusReport.h"

namespace aifoundry::pipeline_job {

struct RunObservation {
  // Where the status came from: ARM's job resource, or Run History alone (a live run on the data plane, where
  // `job` holds only the name and the status).
  enum class Source { ResourceManager, RunHistory };
  Source source = Source::ResourceManager;
  azureml::Job job;  // as JobDecoder::decodeForPoll reads it: outputs only once terminal, no inputs or tags
  std::optional<std::int64_t> createdAtMs;  // systemData.createdAt: the run's age for the poll hint
  std::optional<azureml::RunHistoryRun> history;
  // Run History gave no status in this poll (ARM answered instead): it failed, did not know the run, or is
  // being left alone after a failed discovery or a refusal. The poll then asks it for no detail either.
  bool historyFailed = false;
  std::optional<azureml::StepFailure> failedStep;
  // While it runs, from Run History at most once per interval (RunStartTime, StepProgressReader).
  std::optional<std::int64_t> liveStartMs;  // only when the job reply has no start time
  std::optional<core::StepProgress> progress;
};

}  // namespace aifoundry::pipeline_job
