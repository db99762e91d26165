#include "pipeline_job/RunStartTime.h"

#include "pipeline_job/IsoTime.h"

namespace aifoundry::pipeline_job {

std::optional<std::int64_t> RunStartTime::of(const std::string& runId, const http::CallControl& control) {
  if (auto value = known(runId)) return value;
  return paced().get(runId, [&]() -> std::optional<std::int64_t> {
    const auto run = history().run(runId, control);
    if (!run || !run->startTimeUtc) return std::nullopt;
    return parseIsoTimeMs(*run->startTimeUtc);
  });
}

void RunStartTime::remember(const std::string& runId, std::int64_t startMs) { paced().put(runId, startMs); }

}  // namespace aifoundry::pipeline_job
