// ConnectionTester: testConnection() — signs in and reads the workspace, then says plainly which of these it
// is (docs/azure-contract.md, "Test connectivity"): bad credentials, no permission (Contributor is needed),
// workspace not found, network or TLS failure, or all good. Failures throw core::JobTypeError with the
// matching code (Authentication, Permission, NotFound, Unavailable/InvalidSettings/Timeout) and a message
// that starts with that plain verdict, followed by Azure's own line (code, x-ms-request-id). Thread-safe.
#pragma once

#include <string>

#include "core/CallContext.h"
#include "pipeline_job/WorkspaceOperation.h"

namespace aifoundry::pipeline_job {

class ConnectionTester : private WorkspaceOperation {
 public:
  using WorkspaceOperation::WorkspaceOperation;

  std::string test(core::CallContext& ctx) const;
};

}  // namespace aifoundry::pipeline_job
