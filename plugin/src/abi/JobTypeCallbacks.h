// JobTypeCallbacks: the C descriptor of a job type. Its function pointers are the plugin's callbacks
// (create, destroy, test_connection, import_jobs, run, poll, cancel): each checks its arguments, translates
// them to core types, calls the core::JobType / JobTypeInstance of the running PluginRuntime inside the
// error boundary, and hands the result to the host's sinks.
#pragma once

#include "core/JobType.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

// A descriptor whose strings point into `info`, which must outlive it.
psj_job_type describeJobType(const core::JobTypeInfo& info);

}  // namespace aifoundry::abi
