// The host's watchdog thread: interrupts calls whose deadline passed, and — once signal handlers are
// installed — every running call when SIGINT or SIGTERM arrives. The signal handler only writes a byte to a
// pipe; all the work (running plugin interrupt handlers) happens on the watcher thread, never in the signal
// handler. A second SIGINT/SIGTERM ends the process at once (exit status 128 + signal).
//
// Threads: every public function may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

namespace polysync::host {

class CallContext;
class Logger;

class InterruptWatcher {
 public:
  explicit InterruptWatcher(Logger& logger);
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

  // Routes SIGINT and SIGTERM to this watcher until it is destroyed (the previous handlers come back then).
  // Only one watcher in a process may do this.
  void installSignalHandlers();

  // Watches `ctx` (its deadline, and stop requests) until remove(). The context must stay alive until then.
  void add(CallContext& ctx);
  void remove(CallContext& ctx);

  // What a signal does: interrupts every watched call and wakes sleepFor(). Also for tests.
  void requestStop();
  bool stopRequested() const { return stop_.load(); }

  // Sleeps for `duration`, or until a stop is requested. Returns false when a stop ended the sleep.
  bool sleepFor(std::chrono::milliseconds duration);

 private:
  void loop();
  void wake(char reason);
  void interruptAll();
  int nextTimeoutMs();

  Logger& logger_;
  int pipe_[2] = {-1, -1};
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> quit_{false};
  bool signalsInstalled_ = false;

  std::mutex mutex_;
  std::condition_variable stopped_;
  std::set<CallContext*> calls_;
};

}  // namespace polysync::host
