// The ABI headers compile as C++17 with -Wall -Wextra -pedantic -Werror, for C++ plugins and hosts.
#include "polysync/jobtype_v1.h"
#include "polysync/jobtype_v1.hpp"  // the optional C++ layer compiles with the same flags

int headersCxx17Use(const psj_call_context* ctx, const psj_status_sink* sink);

int headersCxx17Use(const psj_call_context* ctx, const psj_status_sink* sink) {
  psj_entry_fn entry = &polysync_jobtype_v1_entry;
  const bool has =
      PSJ_HAS(ctx, psj_call_context, set_retry_after_ms) && PSJ_HAS(sink, psj_status_sink, set_next_poll_ms);
  (void)entry;
  return (has ? 1 : 0) + PSJ_CODE_IS_RETRYABLE(PSJ_E_TIMEOUT) + PSJ_STATE_IS_TERMINAL(PSJ_STATE_FAILED);
}
