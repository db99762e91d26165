// The ABI tests build their C requests with the stub host's builders (shared with check-plugin).
#pragma once

#include "polysync_host/check/CRequests.h"

namespace abitest {
using polysync::host::check::cstr;
using polysync::host::check::importRequest;
using polysync::host::check::KvList;
using polysync::host::check::ParameterList;
using polysync::host::check::RunRefData;
using polysync::host::check::RunRequestData;
}  // namespace abitest
