// RequestReader: C -> core. Copies what the host lends for one call (settings, run requests, run refs,
// import requests) into plain C++ values the job type may keep, after checking every struct_size, NULL
// pointer, length and enum value. A malformed request throws JobTypeError InvalidArgument (or
// InvalidSettings for settings) naming the field, never its value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ImportedJob.h"
#include "core/RunRequest.h"
#include "core/Setting.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

// A borrowed string; `what` names it in the error message.
std::string readText(const psj_str& text, std::string_view what);

std::vector<core::Setting> readSettings(const psj_kv* const* settings, std::uint64_t count);
core::ImportRequest readImportRequest(const psj_import_request* request);
core::RunRequest readRunRequest(const psj_run_request* request);
core::RunRef readRunRef(const psj_run_ref* ref);

}  // namespace aifoundry::abi
