// ErrorBoundary: nothing unwinds across the C ABI. guardedCall() runs a callback's body and turns whatever
// it throws into a status code plus ctx->set_error: JobTypeError keeps its code, message and retry-after;
// std::bad_alloc and every other exception become PSJ_E_INTERNAL with a one-line message.
#pragma once

#include <cstdint>

#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

// Reports the exception being handled (call only inside a catch block) and returns its code.
std::int32_t reportCurrentException(const psj_call_context* ctx) noexcept;

template <class Body>
std::int32_t guardedCall(const psj_call_context* ctx, Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return reportCurrentException(ctx);
  }
}

}  // namespace aifoundry::abi
