#include "core/JobType.h"

#include <string>

#include "core/JobTypeError.h"

namespace aifoundry::core {
namespace {

[[noreturn]] void throwUnsupported(const char* operation) {
  throw JobTypeError(ErrorCode::Unsupported,
                     std::string("this job type does not support ") + operation + "; check its capabilities");
}

}  // namespace

std::string JobTypeInstance::testConnection(CallContext&) { throwUnsupported("testing the connection"); }

void JobTypeInstance::importJobs(CallContext&, const ImportRequest&, const ImportEmitter&) {
  throwUnsupported("importing jobs");
}

RunResult JobTypeInstance::run(CallContext&, const RunRequest&) { throwUnsupported("running jobs"); }

StatusReport JobTypeInstance::poll(CallContext&, const RunRef&) { throwUnsupported("polling runs"); }

StatusReport JobTypeInstance::cancel(CallContext&, const RunRef&) { throwUnsupported("cancelling runs"); }

}  // namespace aifoundry::core
