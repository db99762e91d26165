// CallContext: the limits of one call from the host — its deadline, whether the host interrupted it, a way
// to be told of an interrupt at once (to abort a blocked socket), and the host's services.
//
// Interrupting a call is not cancelling a run: an interrupted run() or poll() only stops waiting; the remote
// job keeps running until cancel() is called.
//
// Ownership and threads: the host owns the context; it is valid only during the call it was passed to. Its
// methods are called from the calling thread (or threads joined before the call returns); the interrupt
// handler runs on a host thread, so it must be quick, must not block, and must not throw.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>

namespace aifoundry::core {

class HostServices;
class JobTypeError;

class CallContext {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::int64_t kNoDeadline = std::numeric_limits<std::int64_t>::max();

  virtual ~CallContext() = default;

  // Milliseconds left before the deadline (<= 0 once it passed), or kNoDeadline.
  virtual std::int64_t remainingMs() const = 0;
  // True once the host interrupted the call. Cheap: poll it between steps.
  virtual bool interrupted() const = 0;
  // Installs the handler the host runs from its own thread when it interrupts the call (replacing any
  // earlier one). If the call was already interrupted, it runs at once on the calling thread.
  virtual void setInterruptHandler(std::function<void()> handler) = 0;
  // Removes the handler; when it returns, a handler already running on another thread has finished.
  virtual void clearInterruptHandler() = 0;
  // The host's services; they outlive every call and every instance.
  virtual const HostServices& host() const = 0;

  // The deadline as a steady_clock time, or nothing when the call has none.
  std::optional<Clock::time_point> deadline() const;
  // Throws JobTypeError Timeout (the deadline passed) or Interrupted when the call should stop now.
  void throwIfStopped() const;
  // `error` as the host must see it: an Interrupted error once the deadline has passed is a Timeout (hosts
  // interrupt a call at its deadline; plugin_api/README.md, "Interrupts are not cancels").
  JobTypeError stoppedError(const JobTypeError& error) const;
};

// Installs an interrupt handler for the scope of a blocking step and removes it on the way out, so the
// handler never runs after the objects it captures are gone.
class ScopedInterruptHandler {
 public:
  ScopedInterruptHandler(CallContext& ctx, std::function<void()> handler);
  ~ScopedInterruptHandler();
  ScopedInterruptHandler(const ScopedInterruptHandler&) = delete;
  ScopedInterruptHandler& operator=(const ScopedInterruptHandler&) = delete;

 private:
  CallContext& ctx_;
};

}  // namespace aifoundry::core
