#include "azureml/PollHint.h"

#include <algorithm>

namespace aifoundry::azureml {

std::int64_t PollHint::nextDelayMs(RunState state, std::int64_t ageSeconds,
                                   std::optional<std::int64_t> remainingReads) {
  if (StatusDecoder::isTerminal(state)) return 0;
  constexpr std::int64_t kSecond = 1000, kCap = 60 * kSecond, kCeiling = 600 * kSecond;
  const std::int64_t age = std::max<std::int64_t>(ageSeconds, 0);
  std::int64_t delay = age < 60 ? 5 * kSecond : age < 300 ? 15 * kSecond : age < 1800 ? 30 * kSecond : kCap;
  if (state != RunState::Running) delay = std::min(delay * 2, kCap);
  if (remainingReads) {
    if (*remainingReads < 10)
      delay = std::max(delay * 10, 30 * kSecond);
    else if (*remainingReads < 50)
      delay *= 4;
  }
  return std::min(delay, kCeiling);
}

}  // namespace aifoundry::azureml
