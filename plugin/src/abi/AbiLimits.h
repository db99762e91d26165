// Sizes the ABI layer checks against: the first-release (1.0) size of every struct the host fills, and
// sanity limits on what it hands over, so a broken host gets PSJ_E_INVALID_ARGUMENT instead of a crash or
// a huge allocation.
#pragma once

#include <cstddef>
#include <cstdint>

#include "polysync/jobtype_v1.h"

// The bytes a struct needs to contain `field`: a reader needs struct_size >= this to read the field.
#define AIFOUNDRY_END_OF(type, field) (offsetof(type, field) + sizeof(((type*)nullptr)->field))

namespace aifoundry::abi {

// 1.0 sizes: every field up to the last one of the first release is required; later fields use PSJ_HAS.
inline constexpr std::size_t kKvSize = AIFOUNDRY_END_OF(psj_kv, value);
inline constexpr std::size_t kParameterSize = AIFOUNDRY_END_OF(psj_parameter, value);
inline constexpr std::size_t kImportRequestSize = AIFOUNDRY_END_OF(psj_import_request, filter);
inline constexpr std::size_t kRunRequestSize = AIFOUNDRY_END_OF(psj_run_request, parameter_count);
inline constexpr std::size_t kRunRefSize = AIFOUNDRY_END_OF(psj_run_ref, parameter_count);
// The smallest host table the plugin accepts: it needs abi_minor to negotiate; the services after it are
// optional (tested one by one with PSJ_HAS).
inline constexpr std::size_t kHostMinimumSize = AIFOUNDRY_END_OF(psj_host, abi_minor);

inline constexpr std::uint64_t kMaxStringBytes = 16u * 1024u * 1024u;  // one string (e.g. a JSON value)
inline constexpr std::uint64_t kMaxListEntries = 100000u;              // settings, attributes or parameters
inline constexpr std::uint64_t kMaxRunIdBytes = 1024u;                 // psj_run_sink.set_run_id

}  // namespace aifoundry::abi
