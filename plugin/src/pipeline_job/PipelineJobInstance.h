// PipelineJobInstance: one platform connection of the "AI Foundry Pipeline Job". Thin: each call is handed
// to the class that does that one thing (ConnectionTester, JobImporter, RunSubmitter, RunPoller,
// RunCanceller), all sharing one WorkspaceConnection.
//
// Threads: every method may run concurrently, several at once (core/JobType.h). Destroyed only when no call
// is in flight; the connection's secrets are wiped then.
#pragma once

#include <memory>

#include "core/JobType.h"
#include "pipeline_job/ConnectionTester.h"
#include "pipeline_job/JobImporter.h"
#include "pipeline_job/RunCanceller.h"
#include "pipeline_job/RunPoller.h"
#include "pipeline_job/RunSubmitter.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class PipelineJobInstance final : public core::JobTypeInstance {
 public:
  PipelineJobInstance(std::shared_ptr<const WorkspaceConnection> connection,
                      const PipelineJobOptions& options);

  std::string testConnection(core::CallContext& ctx) override;
  void importJobs(core::CallContext& ctx, const core::ImportRequest& request,
                  const core::ImportEmitter& emit) override;
  core::RunResult run(core::CallContext& ctx, const core::RunRequest& request) override;
  core::StatusReport poll(core::CallContext& ctx, const core::RunRef& run) override;
  core::StatusReport cancel(core::CallContext& ctx, const core::RunRef& run) override;

 private:
  std::shared_ptr<const WorkspaceConnection> connection_;
  ConnectionTester tester_;
  JobImporter importer_;
  RunSubmitter submitter_;
  RunPoller poller_;
  RunCanceller canceller_;
};

}  // namespace aifoundry::pipeline_job
