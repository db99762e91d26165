#include "abi/CallContextAdapter.h"

#include <utility>

#include "abi/AbiLimits.h"

namespace aifoundry::abi {

CallContextAdapter::CallContextAdapter(const psj_call_context* ctx, const core::HostServices& host) noexcept
    : ctx_(ctx), host_(host) {}

CallContextAdapter::~CallContextAdapter() {
  try {
    clearInterruptHandler();
  } catch (...) {  // destroying a std::function does not throw; nothing may leave a destructor anyway
  }
}

bool CallContextAdapter::usable(const psj_call_context* ctx) noexcept {
  return ctx != nullptr && ctx->struct_size >= AIFOUNDRY_END_OF(psj_call_context, set_error);
}

std::int64_t CallContextAdapter::remainingMs() const {
  if (ctx_->remaining_ms == nullptr) return kNoDeadline;
  return ctx_->remaining_ms(ctx_);
}

bool CallContextAdapter::interrupted() const {
  return ctx_->is_interrupted != nullptr && ctx_->is_interrupted(ctx_) != 0;
}

void CallContextAdapter::setInterruptHandler(std::function<void()> handler) {
  {
    std::lock_guard<std::mutex> lock(handlerMutex_);
    handler_ = std::move(handler);
  }
  // Registered without holding the lock: a host whose call is already interrupted runs the handler at once,
  // on this thread, inside set_interrupt_handler.
  if (ctx_->set_interrupt_handler != nullptr) {
    ctx_->set_interrupt_handler(ctx_, &CallContextAdapter::runHandler, this);
    installed_ = true;
  }
}

void CallContextAdapter::clearInterruptHandler() {
  if (installed_) {
    ctx_->set_interrupt_handler(ctx_, nullptr, nullptr);
    installed_ = false;
  }
  std::lock_guard<std::mutex> lock(handlerMutex_);  // waits for a handler still running
  handler_ = nullptr;
}

void CallContextAdapter::runHandler(void* self) noexcept {
  auto* adapter = static_cast<CallContextAdapter*>(self);
  try {
    std::lock_guard<std::mutex> lock(adapter->handlerMutex_);
    if (adapter->handler_) adapter->handler_();
  } catch (...) {  // the handler runs on the host's thread: nothing may unwind into it
  }
}

void reportError(const psj_call_context* ctx, std::int32_t code, std::string_view message) noexcept {
  if (CallContextAdapter::usable(ctx) && ctx->set_error != nullptr) {
    ctx->set_error(ctx, code, message.data(), message.size());
  }
}

void reportRetryAfter(const psj_call_context* ctx, std::int64_t ms) noexcept {
  if (PSJ_HAS(ctx, psj_call_context, set_retry_after_ms) && ctx->set_retry_after_ms != nullptr) {
    ctx->set_retry_after_ms(ctx, ms);
  }
}

}  // namespace aifoundry::abi
