#include "Throttle.h"

#include <algorithm>
#include <cmath>

namespace azureml_emulator {

Throttle::Throttle(bool enabled, double readCapacity, double readRefill, double writeCapacity,
                   double writeRefill)
    : enabled_(enabled),
      readCapacity_(readCapacity),
      readRefill_(readRefill),
      writeCapacity_(writeCapacity),
      writeRefill_(writeRefill) {}

Throttle::Buckets& Throttle::bucketsOf(const std::string& principal, int64_t nowMs) {
  {
    std::shared_lock lock(mutex_);
    auto it = buckets_.find(principal);
    if (it != buckets_.end()) return *it->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = buckets_[principal];
  if (!slot) {
    slot = std::make_unique<Buckets>();
    slot->reads = Bucket{readCapacity_, nowMs};
    slot->writes = Bucket{writeCapacity_, nowMs};
  }
  return *slot;
}

Throttle::Decision Throttle::take(const std::string& principal, bool write, int64_t nowMs) {
  Decision decision;
  if (!enabled_) {
    decision.remaining = static_cast<long>(write ? writeCapacity_ : readCapacity_);
    return decision;
  }
  Buckets& buckets = bucketsOf(principal, nowMs);
  std::lock_guard<std::mutex> lock(buckets.mutex);
  Bucket& bucket = write ? buckets.writes : buckets.reads;
  const double capacity = write ? writeCapacity_ : readCapacity_;
  const double refill = write ? writeRefill_ : readRefill_;
  bucket.tokens =
      std::min(capacity, bucket.tokens + static_cast<double>(nowMs - bucket.lastMs) * refill / 1000.0);
  bucket.lastMs = nowMs;
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    decision.remaining = static_cast<long>(bucket.tokens);
    return decision;
  }
  decision.allowed = false;
  decision.remaining = 0;
  decision.retryAfterSeconds =
      refill > 0 ? std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / refill))) : 60;
  return decision;
}

}  // namespace azureml_emulator
