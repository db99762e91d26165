// One conformance check in a child process, so that a plugin that crashes or hangs in one check fails that
// check instead of ending check-plugin: the child runs the check and writes the result to a pipe; a crash, an
// abort (a sanitizer's report included) or passing `limit` is a failed check naming what happened.
// check-plugin runs every job-type check this way; the ABI tests run them in-process.
#pragma once

#include <chrono>
#include <string>

#include "polysync_host/check/ConformanceChecks.h"

namespace polysync::host::check {

CheckResult runIsolatedCheck(const std::string& name, const psj_job_type& jobType,
                             const CheckProfile& profile, std::chrono::milliseconds limit);

}  // namespace polysync::host::check
