// CallControl: the per-call limits every request honours: a deadline, an "interrupted?" probe and an
// InterruptScope through which the host's interrupt aborts the socket in use.
//
// The job-type layer builds one from the ABI call context (deadline, interrupt flag, interrupt handler) and
// passes it down by reference; arm/ and identity/ never see the ABI. A default-constructed CallControl has
// no deadline and is never interrupted (tests, background work).
//
// Ownership and threads: the object belongs to the calling thread for the duration of one call. The scope is
// shared so the interrupt thread can call scope->abort() at any time; `interrupted` must be callable from the
// calling thread (it is polled between steps and while sleeping).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "http/InterruptScope.h"

namespace aifoundry::http {

class CallControl {
 public:
  using Clock = std::chrono::steady_clock;

  CallControl();
  static CallControl withTimeout(Clock::duration timeout);

  std::optional<Clock::time_point> deadline;
  std::function<bool()> interrupted;      // may be empty
  std::shared_ptr<InterruptScope> scope;  // never null after construction

  // True when the host interrupted the call (probe or scope).
  bool isInterrupted() const;
  // Time left before the deadline (zero when past it), or nothing when there is no deadline.
  std::optional<Clock::duration> remaining() const;
  bool expired() const;
  // `limit` shortened to the time left, never below `floor` (so a socket timeout is never zero).
  Clock::duration clamp(Clock::duration limit, Clock::duration floor = std::chrono::milliseconds(1)) const;
  // Sleeps up to `duration`, waking early on interrupt; false when interrupted or the deadline passed.
  bool sleepFor(Clock::duration duration) const;
};

}  // namespace aifoundry::http
