// CallContextAdapter: core::CallContext over the host's psj_call_context for one callback, and the way the
// ABI layer reports the callback's error (set_error, set_retry_after_ms).
//
// Lifetime: lives on the callback's stack, inside the call; its destructor removes any interrupt handler,
// which (per call_context.h) waits for a handler already running on the host's interrupt thread.
// Threads: the calling thread, except that the host runs the installed handler from its own thread.
#pragma once

#include <functional>
#include <mutex>
#include <string_view>

#include "core/CallContext.h"
#include "core/HostServices.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

class CallContextAdapter final : public core::CallContext {
 public:
  // `ctx` must satisfy usable().
  CallContextAdapter(const psj_call_context* ctx, const core::HostServices& host) noexcept;
  ~CallContextAdapter() override;
  CallContextAdapter(const CallContextAdapter&) = delete;
  CallContextAdapter& operator=(const CallContextAdapter&) = delete;

  // True when the host's context can at least report an error (non-NULL, 1.0 fields through set_error).
  static bool usable(const psj_call_context* ctx) noexcept;

  std::int64_t remainingMs() const override;
  bool interrupted() const override;
  void setInterruptHandler(std::function<void()> handler) override;
  void clearInterruptHandler() override;
  const core::HostServices& host() const override { return host_; }

 private:
  static void runHandler(void* self) noexcept;

  const psj_call_context* ctx_;
  const core::HostServices& host_;
  std::mutex handlerMutex_;  // held while the handler runs, so clearing waits for a running handler
  std::function<void()> handler_;
  bool installed_ = false;  // calling thread only
};

// Reports an error through the host's context, if it has a usable one. Never throws.
void reportError(const psj_call_context* ctx, std::int32_t code, std::string_view message) noexcept;
// Reports a retry-after hint, if the host's context has the function. Never throws.
void reportRetryAfter(const psj_call_context* ctx, std::int64_t ms) noexcept;

}  // namespace aifoundry::abi
