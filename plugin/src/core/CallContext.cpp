#include "core/CallContext.h"

#include <utility>

#include "core/JobTypeError.h"

namespace aifoundry::core {

std::optional<CallContext::Clock::time_point> CallContext::deadline() const {
  const std::int64_t remaining = remainingMs();
  if (remaining == kNoDeadline) return std::nullopt;
  return Clock::now() + std::chrono::milliseconds(remaining);
}

void CallContext::throwIfStopped() const {
  if (interrupted()) throw JobTypeError(ErrorCode::Interrupted, "the host interrupted the call");
  if (remainingMs() <= 0) {
    throw JobTypeError(ErrorCode::Timeout, "the call's deadline passed; retry with a longer timeout");
  }
}

ScopedInterruptHandler::ScopedInterruptHandler(CallContext& ctx, std::function<void()> handler) : ctx_(ctx) {
  ctx_.setInterruptHandler(std::move(handler));
}

ScopedInterruptHandler::~ScopedInterruptHandler() { ctx_.clearInterruptHandler(); }

}  // namespace aifoundry::core
