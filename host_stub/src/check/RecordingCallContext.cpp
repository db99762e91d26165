#include "polysync_host/check/RecordingCallContext.h"

namespace polysync::host::check {

RecordingCallContext::RecordingCallContext(std::optional<std::chrono::milliseconds> timeout,
                                           std::uint32_t structSize) {
  if (timeout) deadline_ = std::chrono::steady_clock::now() + *timeout;
  ctx_.struct_size = structSize;
  ctx_.host_data = this;
  ctx_.remaining_ms = [](const psj_call_context* ctx) -> std::int64_t {
    RecordingCallContext& me = self(ctx);
    me.noteUse();
    if (!me.deadline_) return PSJ_NO_DEADLINE;
    return std::chrono::duration_cast<std::chrono::milliseconds>(*me.deadline_ -
                                                                 std::chrono::steady_clock::now())
        .count();
  };
  ctx_.is_interrupted = [](const psj_call_context* ctx) -> std::int32_t {
    RecordingCallContext& me = self(ctx);
    me.noteUse();
    return me.interrupted_.load() ? 1 : 0;
  };
  ctx_.set_interrupt_handler = [](const psj_call_context* ctx, psj_interrupt_handler handler, void* data) {
    RecordingCallContext& me = self(ctx);
    me.noteUse();
    std::lock_guard<std::mutex> lock(me.handlerMutex_);  // waits for a running handler
    me.handler_ = handler;
    me.handlerData_ = data;
    if (handler != nullptr && me.interrupted_.load()) handler(data);
  };
  ctx_.set_error = [](const psj_call_context* ctx, std::int32_t code, const char* message,
                      std::uint64_t len) {
    RecordingCallContext& me = self(ctx);
    me.noteUse();
    ++me.errorCalls_;
    std::lock_guard<std::mutex> lock(me.errorMutex_);
    me.errorCode_ = code;
    me.errorMessage_.assign(message != nullptr ? message : "",
                            message != nullptr ? static_cast<std::size_t>(len) : 0);
  };
  ctx_.set_retry_after_ms = [](const psj_call_context* ctx, std::int64_t ms) {
    RecordingCallContext& me = self(ctx);
    me.noteUse();
    ++me.retryAfterCalls_;
    std::lock_guard<std::mutex> lock(me.errorMutex_);
    me.retryAfter_ = ms;
  };
}

void RecordingCallContext::interrupt() {
  interrupted_ = true;
  std::lock_guard<std::mutex> lock(handlerMutex_);
  if (handler_ != nullptr) handler_(handlerData_);
}

bool RecordingCallContext::handlerInstalled() const {
  std::lock_guard<std::mutex> lock(handlerMutex_);
  return handler_ != nullptr;
}

std::int32_t RecordingCallContext::errorCode() const {
  std::lock_guard<std::mutex> lock(errorMutex_);
  return errorCode_;
}

std::string RecordingCallContext::errorMessage() const {
  std::lock_guard<std::mutex> lock(errorMutex_);
  return errorMessage_;
}

std::optional<std::int64_t> RecordingCallContext::retryAfterMs() const {
  std::lock_guard<std::mutex> lock(errorMutex_);
  return retryAfter_;
}

}  // namespace polysync::host::check
