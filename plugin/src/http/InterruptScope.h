// InterruptScope: the bridge between "the host asked us to stop" and a blocked socket call.
//
// The job-type layer creates one per ABI call and wires the ABI interrupt handler to abort(). The transport
// registers an abort action (shut the socket down) while it is blocked in I/O; abort() runs every registered
// action, so a recv() blocked on a slow server returns at once instead of at its timeout.
//
// Thread safety: every member may be called from any thread. Abort actions run under the scope's mutex,
// so after unregisterAbort() returns the action is not running and will never run (the caller may then
// release what the action touches). Actions must be quick and must not call back into the scope.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace aifoundry::http {

class InterruptScope {
 public:
  using Registration = std::uint64_t;

  // Marks the scope aborted, wakes sleepers and runs every registered abort action. Idempotent.
  void abort();
  bool aborted() const;

  // Registers an action to run on abort. When the scope is already aborted the action runs now.
  Registration registerAbort(std::function<void()> action);
  void unregisterAbort(Registration registration);

  // Sleeps up to `duration`; returns early (true) when abort() is called.
  bool waitForAbort(std::chrono::steady_clock::duration duration);

 private:
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool aborted_ = false;
  Registration next_ = 1;
  std::map<Registration, std::function<void()>> actions_;
};

}  // namespace aifoundry::http
