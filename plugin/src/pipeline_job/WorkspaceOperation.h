// WorkspaceOperation: the base of the operations whose only state is the instance's shared
// WorkspaceConnection (ConnectionTester, JobImporter, RunSubmitter, RunHistoryReader). Copies share the
// connection; an operation is as thread-safe as the connection is.
#pragma once

#include <memory>
#include <utility>

#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class WorkspaceOperation {
 public:
  explicit WorkspaceOperation(std::shared_ptr<const WorkspaceConnection> connection)
      : connection_(std::move(connection)) {}

 protected:
  const WorkspaceConnection& connection() const { return *connection_; }

 private:
  std::shared_ptr<const WorkspaceConnection> connection_;
};

}  // namespace aifoundry::pipeline_job
