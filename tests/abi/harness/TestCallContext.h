// The ABI tests' call context is the stub host's recording context (one implementation, shared with
// check-plugin).
#pragma once

#include "polysync_host/check/RecordingCallContext.h"

namespace abitest {
using TestCallContext = polysync::host::check::RecordingCallContext;
}  // namespace abitest
