// The host's side of one psj_call_context: the deadline, the interrupted flag, the plugin's interrupt handler
// and the error the plugin reported.
//
// Interrupt handler semantics (call_context.h): installing a handler on an already interrupted call runs it
// at once, on the installing thread; once end() has returned the handler has finished and is never started
// again. A small state machine under one mutex gives both: the handler never runs under the lock (it may call
// back into the context), a "running" mark lets end() and a replacing set_interrupt_handler wait for it to
// finish.
//
// Threads: begin()/end() on the thread that runs the callback; interrupt() from any thread; the psj functions
// from the plugin's threads while the call runs. Calls into the psj functions after end() are contract
// violations: they are logged and ignored (the object must still be alive, which the caller ensures).
#pragma once

#include <polysync/jobtype_v1/call_context.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace polysync::host {

class Logger;

class CallContext {
 public:
  using Clock = std::chrono::steady_clock;

  explicit CallContext(Logger& logger);
  CallContext(const CallContext&) = delete;
  CallContext& operator=(const CallContext&) = delete;

  // Opens the context for one call; `deadline` nullopt means none. Once per object.
  void begin(std::optional<Clock::time_point> deadline);
  // Closes it after the callback returned: waits for a running handler, then refuses every later use.
  void end();
  // Interrupts the call: sets the flag and runs the installed handler on this thread (once per interrupt,
  // not after end()). Idempotent. Any thread.
  void interrupt();

  const psj_call_context* get() const { return &ctx_; }
  std::optional<Clock::time_point> deadline() const { return deadline_; }
  bool interrupted() const { return interrupted_.load(); }

  // The error the plugin reported (valid after end()).
  bool hasError() const;
  int32_t errorCode() const;
  std::string errorMessage() const;
  std::optional<int64_t> retryAfterMs() const;

 private:
  static CallContext& self(const psj_call_context* ctx);
  static int64_t remainingMs(const psj_call_context* ctx);
  static int32_t isInterrupted(const psj_call_context* ctx);
  static void setInterruptHandler(const psj_call_context* ctx, psj_interrupt_handler handler, void* data);
  static void setError(const psj_call_context* ctx, int32_t code, const char* message, uint64_t len);
  static void setRetryAfterMs(const psj_call_context* ctx, int64_t ms);

  // Runs `handler(data)` outside the lock, marking it running; `lock` is held on entry and on return.
  void runHandler(std::unique_lock<std::mutex>& lock, psj_interrupt_handler handler, void* data);
  bool closedOrViolation(const char* function);

  Logger& logger_;
  psj_call_context ctx_{};
  std::optional<Clock::time_point> deadline_;
  std::atomic<bool> interrupted_{false};

  mutable std::mutex mutex_;
  std::condition_variable handlerDone_;
  bool open_ = false;
  bool closed_ = false;
  psj_interrupt_handler handler_ = nullptr;
  void* handlerData_ = nullptr;
  int running_ = 0;            // handlers running right now
  std::thread::id runningOn_;  // the thread of the last started handler (a handler may replace itself)

  bool hasError_ = false;
  int32_t errorCode_ = 0;
  std::string errorMessage_;
  std::optional<int64_t> retryAfterMs_;
};

}  // namespace polysync::host
