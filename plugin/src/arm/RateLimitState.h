// RateLimitState: the budgets the job type spends, so it can space its polls before Azure refuses anything:
// - ARM's latest x-ms-ratelimit-remaining-subscription-reads / -writes (a scheduler polling thousands of runs
//   shares about 250 reads per subscription, refilled 25 per second), read from ARM's replies only;
// - when ARM or the workspace's data plane (Run History, which reports no remaining budget) last answered
// 429. Thread-safe (atomics); written by RateLimitPolicy, read by anyone.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>

#include "http/HttpHeaders.h"

namespace aifoundry::arm {

enum class Plane { ResourceManager, DataPlane };

class RateLimitState {
 public:
  void update(const http::HttpHeaders& headers);
  std::optional<long> remainingReads() const;
  std::optional<long> remainingWrites() const;

  // A 429 from `plane` at `steadyMs` (milliseconds of std::chrono::steady_clock).
  void noteThrottled(Plane plane, std::int64_t steadyMs);
  // When `plane` last answered 429 (steady_clock milliseconds), nullopt when never.
  std::optional<std::int64_t> lastThrottledMs(Plane plane) const;

  static std::int64_t steadyNowMs();

 private:
  std::atomic<long> reads_{-1};
  std::atomic<long> writes_{-1};
  std::atomic<std::int64_t> armThrottledMs_{-1};
  std::atomic<std::int64_t> dataThrottledMs_{-1};
};

}  // namespace aifoundry::arm
