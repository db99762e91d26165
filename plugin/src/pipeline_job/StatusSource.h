// StatusSource: where a poll reads a run's status (docs/azure-contract.md, "Poll"; plugin/README.md, "What
// the plugin costs your subscription").
//
// Data plane first, as Azure's SDK watches a job: Run History's `runs/{id}` on the workspace's discovered
// `api` host, with the ARM token. A live run then costs one Run History GET per poll and no ARM read, so a
// fleet of runs does not spend the subscription's ARM read budget, which everything else in the subscription
// shares. ARM's job GET is read instead when the data plane cannot answer — discovery failed, its host may
// not receive the token or refused it (these three are remembered for 5 minutes, so a fleet does not pay
// them on every poll), the host failed, it does not know the run, or it says a status Run History's enum
// does not have — and once a run has finished, for its outputs and ARM's own final status. The
// `Status Source` setting (`Resource Manager`) makes every poll read ARM.
// Thread-safe: stateless apart from the connection's caches.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "http/CallControl.h"
#include "pipeline_job/RunHistoryReader.h"
#include "pipeline_job/RunObservation.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class StatusSource {
 public:
  explicit StatusSource(std::shared_ptr<const WorkspaceConnection> connection);

  // The poll's read. Throws JobTypeError as readArm does (an unknown run is NotFound from ARM).
  RunObservation observe(const std::string& runId, const http::CallControl& control) const;

  // ARM's job GET; on a finished run, Run History for what the job lacks (times, error) unless `known`
  // already has it. Throws JobTypeError: NotFound for an unknown run, or the transport's error.
  RunObservation readArm(const std::string& runId, const http::CallControl& control,
                         std::optional<azureml::RunHistoryRun> known = std::nullopt) const;

 private:
  // The observation Run History alone gives for a live run (status, times, created), or nothing.
  static RunObservation fromHistory(const std::string& runId, azureml::RunHistoryRun run);

  std::shared_ptr<const WorkspaceConnection> connection_;
  RunHistoryReader history_;
};

}  // namespace aifoundry::pipeline_job
