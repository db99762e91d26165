// ResultWriter: core -> C. Hands a job type's results to the host's sinks, which copy them. Each require*()
// checks a sink before the job type runs (so a run is never submitted whose id cannot be returned); each
// write*() checks the result first and fails with Internal rather than hand the host something the ABI
// forbids (an empty or oversized run id, a failed state without a message).
//
// Threads: the callback's thread, during the callback only.
#pragma once

#include <cstdint>
#include <string>

#include "core/ImportedJob.h"
#include "core/RunResult.h"
#include "core/StatusReport.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

// The message reported for a failed run whose provider gave no reason (the ABI requires one).
inline constexpr const char* kFailedWithoutReason =
    "the run failed and the provider gave no reason; open the Monitor URL for details";

void requireTextSink(const psj_text_sink* sink);
void writeText(const psj_text_sink* sink, const std::string& text);

void requireRunSink(const psj_run_sink* sink);
void writeRunResult(const psj_run_sink* sink, const core::RunResult& result);

void requireStatusSink(const psj_status_sink* sink);
void writeStatus(const psj_status_sink* sink, const core::StatusReport& status);

void requireImportSink(const psj_import_sink* sink);
// Emits one job; returns the sink's answer (0 = go on, nonzero = the host wants no more).
std::int32_t writeImportedJob(const psj_import_sink* sink, const core::ImportedJob& job);

}  // namespace aifoundry::abi
