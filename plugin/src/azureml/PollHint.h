// PollHint: when to poll a run next, in milliseconds: grows with the run's age and backs off when the budget
// the next poll spends runs low, so a scheduler polling thousands of runs stays under Azure's throttling
// limits (docs/azure-contract.md, "Errors"; plugin/README.md, "What the plugin costs your subscription").
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "azureml/StatusDecoder.h"

namespace aifoundry::azureml {

// What the plugin last saw of the two budgets a poll can spend.
struct PollBudget {
  // The next poll reads ARM's job resource (ARM-only, or the data plane could not answer): ARM's read budget
  // is what it spends. False: it reads Run History and ARM's reads matter only as far as a 429 says so.
  bool readsArm = true;
  std::optional<std::int64_t> remainingReads;        // x-ms-ratelimit-remaining-subscription-reads, last seen
  std::optional<std::int64_t> msSinceArmThrottled;   // since ARM last answered 429
  std::optional<std::int64_t> msSinceDataThrottled;  // since Run History last answered 429
};

class PollHint {
 public:
  // A 429 counts for this long after it was seen.
  static constexpr std::int64_t kThrottleMemoryMs = 60'000;

  // ageSeconds: since the run was submitted (negative counts as 0). remainingReads: the last
  // x-ms-ratelimit-remaining-subscription-reads value seen, nullopt when unknown.
  // By age: < 1 min 5 s, < 5 min 15 s, < 30 min 30 s, then 60 s. Starting/Unknown states wait twice as long
  // (queues and provisioning move slowly), still capped at 60 s. Then the budget: < 50 reads left -> x4,
  // < 10 -> x10 and at least 30 s; never more than 10 min. Terminal states: 0 (no further poll needed).
  static std::int64_t nextDelayMs(RunState state, std::int64_t ageSeconds,
                                  std::optional<std::int64_t> remainingReads = std::nullopt);

  // The same by age, then each budget under pressure, the largest wins:
  // - readsArm: ARM's remaining reads as above; an ARM 429 in the last minute -> x10 and at least 30 s;
  // - a data-plane 429 in the last minute -> x4 and at least 30 s (Run History states no remaining budget,
  //   so its 429 is the first sign; the hint grows for the whole fleet before the next request is refused);
  // - an ARM 429 in the last minute when the poll reads Run History -> x2 (the final read still spends ARM).
  // Never more than 10 min; terminal states 0.
  static std::int64_t nextDelayMs(RunState state, std::int64_t ageSeconds, const PollBudget& budget);
};

}  // namespace aifoundry::azureml
