// RunHistoryReader: what the job resource does not say about a run — its start/end times and its error —
// read from the Run History data plane (docs/azure-contract.md, "Run History"): the workspace's discoveryUrl
// gives the regional `api` host (cached per connection), then runs/{id} and runs/{id}/children, with the ARM
// token. The discovery document is read without a token; Run History calls carry one only to the hosts
// arm::TokenDestinations allows.
//
// Best effort: Run History only adds detail, so when it cannot be reached or does not know the run the
// reader returns nothing and logs why; only an interrupt or a passed deadline is thrown (the call must stop).
// Thread-safe: stateless apart from the connection's cache.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "azureml/RunHistoryDecoder.h"
#include "azureml/WorkspaceUrls.h"
#include "http/CallControl.h"
#include "pipeline_job/WorkspaceOperation.h"

namespace aifoundry::pipeline_job {

class RunHistoryReader : private WorkspaceOperation {
 public:
  using WorkspaceOperation::WorkspaceOperation;

  std::optional<azureml::RunHistoryRun> run(const std::string& runId, const http::CallControl& control) const;
  // The first failed step among the run's children (pages followed up to a limit).
  std::optional<azureml::StepFailure> firstFailedStep(const std::string& runId,
                                                      const http::CallControl& control) const;
  // The run's child (step) runs, as Azure's SDK lists them (runs/{id}/children, pages followed up to a
  // limit); nullopt when Run History could not say.
  std::optional<std::vector<azureml::RunHistoryRun>> children(const std::string& runId,
                                                              const http::CallControl& control) const;

 private:
  // Null when there is none (discovery failed lately, or failed now).
  std::shared_ptr<const azureml::HistoryHost> historyHost(const http::CallControl& control) const;
  azureml::HistoryHost discoverHistoryHost(const http::CallControl& control) const;
};

}  // namespace aifoundry::pipeline_job
