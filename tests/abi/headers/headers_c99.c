/* The ABI headers compile as strict C99 (-std=c99 -Wall -Wextra -pedantic -Werror): a plugin author may
 * include them from any C compiler. Uses a little of everything so the macros are expanded too. */
#include "polysync/jobtype_v1.h"

int headers_c99_use(const psj_call_context* ctx, const psj_status_sink* sink);

int headers_c99_use(const psj_call_context* ctx, const psj_status_sink* sink) {
  psj_entry_fn entry = polysync_jobtype_v1_entry;
  int has =
      PSJ_HAS(ctx, psj_call_context, set_retry_after_ms) && PSJ_HAS(sink, psj_status_sink, set_next_poll_ms);
  (void)entry;
  return has + PSJ_CODE_IS_RETRYABLE(PSJ_E_TIMEOUT) + PSJ_STATE_IS_TERMINAL(PSJ_STATE_FAILED);
}
