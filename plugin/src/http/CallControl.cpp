#include "http/CallControl.h"

#include <algorithm>

namespace aifoundry::http {

namespace {
// The interrupt probe is a plain function; poll it at this granularity while sleeping.
constexpr auto kProbeInterval = std::chrono::milliseconds(20);
}  // namespace

CallControl::CallControl() : scope(std::make_shared<InterruptScope>()) {}

CallControl CallControl::withTimeout(Clock::duration timeout) {
  CallControl control;
  control.deadline = Clock::now() + timeout;
  return control;
}

bool CallControl::isInterrupted() const {
  if (scope && scope->aborted()) return true;
  return interrupted && interrupted();
}

std::optional<CallControl::Clock::duration> CallControl::remaining() const {
  if (!deadline) return std::nullopt;
  const auto now = Clock::now();
  return *deadline > now ? *deadline - now : Clock::duration::zero();
}

bool CallControl::expired() const { return deadline && Clock::now() >= *deadline; }

CallControl::Clock::duration CallControl::clamp(Clock::duration limit, Clock::duration floor) const {
  auto left = remaining();
  auto value = left ? std::min(limit, *left) : limit;
  return std::max(value, floor);
}

bool CallControl::sleepFor(Clock::duration duration) const {
  const auto until = Clock::now() + duration;
  while (true) {
    if (isInterrupted()) return false;
    const auto now = Clock::now();
    if (now >= until) return !expired();
    if (deadline && now >= *deadline) return false;
    auto slice = std::min<Clock::duration>(until - now, kProbeInterval);
    if (scope->waitForAbort(slice)) return false;
  }
}

}  // namespace aifoundry::http
