// The ABI tests' sinks are the stub host's recording sinks (one implementation, shared with check-plugin).
#pragma once

#include "polysync_host/check/RecordingSinks.h"

namespace abitest {
using polysync::host::check::ImportSink;
using polysync::host::check::RecordedJob;
using polysync::host::check::RecordedParameter;
using polysync::host::check::RecordedStatus;
using polysync::host::check::RunSink;
using polysync::host::check::SinkBase;
using polysync::host::check::StatusSink;
using polysync::host::check::TextSink;
}  // namespace abitest
