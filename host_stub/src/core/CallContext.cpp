#include "polysync_host/CallContext.h"

#include <polysync/jobtype_v1/base.h>

#include "polysync_host/ContractViolations.h"
#include "polysync_host/Logger.h"

namespace polysync::host {
namespace {
// A message longer than this is a bug in the plugin; keep the start.
constexpr uint64_t kMaxMessageBytes = 64 * 1024;
}  // namespace

CallContext::CallContext(Logger& logger) : logger_(logger) {
  ctx_.struct_size = sizeof(psj_call_context);
  ctx_.host_data = this;
  ctx_.remaining_ms = &CallContext::remainingMs;
  ctx_.is_interrupted = &CallContext::isInterrupted;
  ctx_.set_interrupt_handler = &CallContext::setInterruptHandler;
  ctx_.set_error = &CallContext::setError;
  ctx_.set_retry_after_ms = &CallContext::setRetryAfterMs;
}

void CallContext::begin(std::optional<Clock::time_point> deadline) {
  std::lock_guard<std::mutex> lock(mutex_);
  deadline_ = deadline;
  open_ = true;
}

void CallContext::end() {
  std::unique_lock<std::mutex> lock(mutex_);
  closed_ = true;
  handlerDone_.wait(lock, [this] { return running_ == 0; });
  handler_ = nullptr;
  handlerData_ = nullptr;
}

void CallContext::interrupt() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (interrupted_.exchange(true) || closed_) return;
  if (handler_) runHandler(lock, handler_, handlerData_);
}

void CallContext::runHandler(std::unique_lock<std::mutex>& lock, psj_interrupt_handler handler, void* data) {
  ++running_;
  runningOn_ = std::this_thread::get_id();
  lock.unlock();
  handler(data);
  lock.lock();
  --running_;
  handlerDone_.notify_all();
}

bool CallContext::closedOrViolation(const char* function) {
  if (closed_ || !open_) {
    reportContractViolation(
        logger_, std::string("psj_call_context.") + function + " called after the callback returned");
    return true;
  }
  return false;
}

CallContext& CallContext::self(const psj_call_context* ctx) {
  return *static_cast<CallContext*>(ctx->host_data);
}

int64_t CallContext::remainingMs(const psj_call_context* ctx) {
  if (!ctx) return 0;
  const auto deadline = self(ctx).deadline_;
  if (!deadline) return PSJ_NO_DEADLINE;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
  return left > 0 ? static_cast<int64_t>(left) : 0;
}

int32_t CallContext::isInterrupted(const psj_call_context* ctx) {
  return ctx && self(ctx).interrupted_.load() ? 1 : 0;
}

void CallContext::setInterruptHandler(const psj_call_context* ctx, psj_interrupt_handler handler,
                                      void* data) {
  if (!ctx) return;
  CallContext& c = self(ctx);
  std::unique_lock<std::mutex> lock(c.mutex_);
  if (c.closedOrViolation("set_interrupt_handler")) return;
  // The old handler may be running on the interrupting thread; once this returns the plugin may free its
  // data, so wait — unless this is that very handler replacing itself.
  if (c.runningOn_ != std::this_thread::get_id()) {
    c.handlerDone_.wait(lock, [&c] { return c.running_ == 0; });
  }
  c.handler_ = handler;
  c.handlerData_ = data;
  if (handler && c.interrupted_.load()) c.runHandler(lock, handler, data);
}

void CallContext::setError(const psj_call_context* ctx, int32_t code, const char* message, uint64_t len) {
  if (!ctx) return;
  CallContext& c = self(ctx);
  std::lock_guard<std::mutex> lock(c.mutex_);
  if (c.closedOrViolation("set_error")) return;
  std::string text;
  if (!message && len > 0) {
    reportContractViolation(c.logger_, "set_error called with a NULL message and a nonzero length");
  } else if (message) {
    text.assign(message, std::min(len, kMaxMessageBytes));
  }
  c.hasError_ = true;
  c.errorCode_ = code;
  c.errorMessage_ = oneLine(text);
}

void CallContext::setRetryAfterMs(const psj_call_context* ctx, int64_t ms) {
  if (!ctx) return;
  CallContext& c = self(ctx);
  std::lock_guard<std::mutex> lock(c.mutex_);
  if (c.closedOrViolation("set_retry_after_ms")) return;
  if (ms < 0) {
    reportContractViolation(c.logger_, "set_retry_after_ms called with a negative value");
    return;
  }
  c.retryAfterMs_ = ms;
}

bool CallContext::hasError() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hasError_;
}

int32_t CallContext::errorCode() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errorCode_;
}

std::string CallContext::errorMessage() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errorMessage_;
}

std::optional<int64_t> CallContext::retryAfterMs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return retryAfterMs_;
}

}  // namespace polysync::host
