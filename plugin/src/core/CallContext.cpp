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
  // The deadline first: a host interrupts a call when its deadline passes, and that is a Timeout.
  if (remainingMs() <= 0) {
    throw JobTypeError(ErrorCode::Timeout, "the call's deadline passed; retry with a longer timeout");
  }
  if (interrupted()) throw JobTypeError(ErrorCode::Interrupted, "the host interrupted the call");
}

JobTypeError CallContext::stoppedError(const JobTypeError& error) const {
  if (error.code() != ErrorCode::Interrupted || remainingMs() > 0) return error;
  return JobTypeError(ErrorCode::Timeout,
                      error.message() + " (the call's deadline passed; retry with a longer timeout)");
}

ScopedInterruptHandler::ScopedInterruptHandler(CallContext& ctx, std::function<void()> handler) : ctx_(ctx) {
  ctx_.setInterruptHandler(std::move(handler));
}

ScopedInterruptHandler::~ScopedInterruptHandler() { ctx_.clearInterruptHandler(); }

}  // namespace aifoundry::core
