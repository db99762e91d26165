// ConnectionTester: testConnection() — signs in and reads the workspace, then says plainly which of these it
// is (docs/azure-contract.md, "Test connectivity"): bad credentials, no permission (Contributor is needed),
// workspace not found, network or TLS failure, or all good. Failures throw core::JobTypeError with the
// matching code (Authentication, Permission, NotFound, Unavailable/InvalidSettings/Timeout) and a message
// that starts with that plain verdict, followed by Azure's own line (code, x-ms-request-id). Thread-safe.
#pragma once

#include <memory>
#include <string>

#include "core/CallContext.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job {

class ConnectionTester {
 public:
  explicit ConnectionTester(std::shared_ptr<const WorkspaceConnection> connection)
      : connection_(std::move(connection)) {}

  std::string test(core::CallContext& ctx) const;

 private:
  std::shared_ptr<const WorkspaceConnection> connection_;
};

}  // namespace aifoundry::pipeline_job
