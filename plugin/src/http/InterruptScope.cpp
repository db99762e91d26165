#include "http/InterruptScope.h"

namespace aifoundry::http {

void InterruptScope::abort() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (aborted_) return;
  aborted_ = true;
  for (auto& entry : actions_) entry.second();
  wake_.notify_all();
}

bool InterruptScope::aborted() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return aborted_;
}

InterruptScope::Registration InterruptScope::registerAbort(std::function<void()> action) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (aborted_) action();
  const Registration id = next_++;
  actions_.emplace(id, std::move(action));
  return id;
}

void InterruptScope::unregisterAbort(Registration registration) {
  std::lock_guard<std::mutex> lock(mutex_);
  actions_.erase(registration);
}

bool InterruptScope::waitForAbort(std::chrono::steady_clock::duration duration) {
  std::unique_lock<std::mutex> lock(mutex_);
  return wake_.wait_for(lock, duration, [this] { return aborted_; });
}

}  // namespace aifoundry::http
