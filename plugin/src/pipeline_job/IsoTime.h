// IsoTime: Azure's ISO 8601 timestamps ("2024-05-01T12:00:03.1234567Z", "...+02:00", no zone = UTC)
// -> Unix milliseconds, for a run's start and end times. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace aifoundry::pipeline_job {

// nullopt when the text is not such a timestamp (a missing time is better than a wrong one).
std::optional<std::int64_t> parseIsoTimeMs(std::string_view text) noexcept;

}  // namespace aifoundry::pipeline_job
