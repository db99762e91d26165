#include "azureml/PollHint.h"

#include <algorithm>

namespace aifoundry::azureml {
namespace {

constexpr std::int64_t kSecond = 1000, kCap = 60 * kSecond, kCeiling = 600 * kSecond;

std::int64_t byAge(RunState state, std::int64_t ageSeconds) {
  const std::int64_t age = std::max<std::int64_t>(ageSeconds, 0);
  std::int64_t delay = age < 60 ? 5 * kSecond : age < 300 ? 15 * kSecond : age < 1800 ? 30 * kSecond : kCap;
  if (state != RunState::Running) delay = std::min(delay * 2, kCap);
  return delay;
}

std::int64_t forArmReads(std::int64_t delay, std::optional<std::int64_t> remainingReads) {
  if (!remainingReads) return delay;
  if (*remainingReads < 10) return std::max(delay * 10, 30 * kSecond);
  if (*remainingReads < 50) return delay * 4;
  return delay;
}

bool recent(std::optional<std::int64_t> msSince) {
  return msSince && *msSince >= 0 && *msSince < PollHint::kThrottleMemoryMs;
}

}  // namespace

std::int64_t PollHint::nextDelayMs(RunState state, std::int64_t ageSeconds,
                                   std::optional<std::int64_t> remainingReads) {
  if (StatusDecoder::isTerminal(state)) return 0;
  return std::min(forArmReads(byAge(state, ageSeconds), remainingReads), kCeiling);
}

std::int64_t PollHint::nextDelayMs(RunState state, std::int64_t ageSeconds, const PollBudget& budget) {
  if (StatusDecoder::isTerminal(state)) return 0;
  const std::int64_t base = byAge(state, ageSeconds);
  std::int64_t delay = base;
  if (budget.readsArm) {
    delay = std::max(delay, forArmReads(base, budget.remainingReads));
    if (recent(budget.msSinceArmThrottled)) delay = std::max(delay, std::max(base * 10, 30 * kSecond));
  } else if (recent(budget.msSinceArmThrottled)) {
    delay = std::max(delay, base * 2);
  }
  if (recent(budget.msSinceDataThrottled)) delay = std::max(delay, std::max(base * 4, 30 * kSecond));
  return std::min(delay, kCeiling);
}

}  // namespace aifoundry::azureml
