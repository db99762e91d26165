#include "polysync_host/ExitCodes.h"

#include <polysync/jobtype_v1/base.h>

namespace polysync::host {

int exitCodeForTerminalState(int32_t state) {
  switch (state) {
    case PSJ_STATE_SUCCESS:
      return kExitOk;
    case PSJ_STATE_CANCELLED:
      return kExitRunCancelled;
    default:
      return kExitRunFailed;
  }
}

}  // namespace polysync::host
