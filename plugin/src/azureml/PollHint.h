// PollHint: when to poll a run next, in milliseconds: grows with the run's age and backs off when ARM's read
// budget runs low, so a scheduler polling thousands of runs stays under the subscription's throttling limits
// (docs/azure-contract.md, "Errors": about 250 reads per bucket, refilled 25/s). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "azureml/StatusDecoder.h"

namespace aifoundry::azureml {

class PollHint {
 public:
  // ageSeconds: since the run was submitted (negative counts as 0). remainingReads: the last
  // x-ms-ratelimit-remaining-subscription-reads value seen, nullopt when unknown.
  // By age: < 1 min 5 s, < 5 min 15 s, < 30 min 30 s, then 60 s. Starting/Unknown states wait twice as long
  // (queues and provisioning move slowly), still capped at 60 s. Then the budget: < 50 reads left -> x4,
  // < 10 -> x10 and at least 30 s; never more than 10 min. Terminal states: 0 (no further poll needed).
  static std::int64_t nextDelayMs(RunState state, std::int64_t ageSeconds,
                                  std::optional<std::int64_t> remainingReads = std::nullopt);
};

}  // namespace aifoundry::azureml
