// RecordingCallContext: a psj_call_context that records what the plugin does with it, for the conformance
// checks (check-plugin) and the ABI tests: an optional deadline, interrupt() from any thread (runs the
// plugin's handler under a lock, so removing the handler waits for it, as call_context.h requires), and a
// record of set_error / set_retry_after_ms. After finish() (the callback returned) any use is counted as a
// late call: the contract says the context is valid only during the call.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "polysync/jobtype_v1.h"

namespace polysync::host::check {

class RecordingCallContext {
 public:
  explicit RecordingCallContext(std::optional<std::chrono::milliseconds> timeout = std::nullopt,
                                std::uint32_t structSize = sizeof(psj_call_context));
  RecordingCallContext(const RecordingCallContext&) = delete;
  RecordingCallContext& operator=(const RecordingCallContext&) = delete;

  const psj_call_context* get() const { return &ctx_; }

  void interrupt();
  bool handlerInstalled() const;
  void finish() { finished_ = true; }

  int errorCalls() const { return errorCalls_.load(); }
  std::int32_t errorCode() const;
  std::string errorMessage() const;
  std::optional<std::int64_t> retryAfterMs() const;
  int lateCalls() const { return lateCalls_.load(); }
  int retryAfterCalls() const { return retryAfterCalls_.load(); }

 private:
  static RecordingCallContext& self(const psj_call_context* ctx) {
    return *static_cast<RecordingCallContext*>(ctx->host_data);
  }
  void noteUse() {
    if (finished_) ++lateCalls_;
  }

  psj_call_context ctx_{};
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  std::atomic<bool> interrupted_{false};
  std::atomic<bool> finished_{false};
  std::atomic<int> lateCalls_{0};
  std::atomic<int> errorCalls_{0};
  std::atomic<int> retryAfterCalls_{0};
  mutable std::mutex handlerMutex_;  // held while the handler runs
  psj_interrupt_handler handler_ = nullptr;
  void* handlerData_ = nullptr;
  mutable std::mutex errorMutex_;
  std::int32_t errorCode_ = PSJ_OK;
  std::string errorMessage_;
  std::optional<std::int64_t> retryAfter_;
};

}  // namespace polysync::host::check
