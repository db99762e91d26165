#include "polysync_host/ContractViolations.h"

#include <polysync/jobtype_v1/base.h>

#include <atomic>
#include <string>

#include "polysync_host/Logger.h"

namespace polysync::host {
namespace {
std::atomic<uint64_t> gViolations{0};
}

void reportContractViolation(Logger& logger, std::string_view what) {
  gViolations.fetch_add(1);
  logger.log(PSJ_LOG_ERROR, "contract violation: " + std::string(what), "host");
}

uint64_t contractViolationCount() { return gViolations.load(); }

}  // namespace polysync::host
