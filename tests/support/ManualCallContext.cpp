#include "ManualCallContext.h"

#include <utility>

#include "NullHostServices.h"

namespace aifoundry::core {

ManualCallContext::ManualCallContext(const HostServices& host, std::optional<Clock::duration> timeout)
    : host_(host) {
  if (timeout) deadline_ = Clock::now() + *timeout;
}

ManualCallContext::ManualCallContext(std::optional<Clock::duration> timeout)
    : ManualCallContext(NullHostServices::instance(), timeout) {}

std::int64_t ManualCallContext::remainingMs() const {
  if (!deadline_) return kNoDeadline;
  return std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - Clock::now()).count();
}

void ManualCallContext::setInterruptHandler(std::function<void()> handler) {
  std::lock_guard<std::mutex> lock(handlerMutex_);
  handler_ = std::move(handler);
  if (interrupted_.load() && handler_) handler_();
}

void ManualCallContext::clearInterruptHandler() {
  std::lock_guard<std::mutex> lock(handlerMutex_);
  handler_ = nullptr;
}

void ManualCallContext::interrupt() {
  interrupted_.store(true);
  std::lock_guard<std::mutex> lock(handlerMutex_);
  if (handler_) handler_();
}

}  // namespace aifoundry::core
