/*
 * polysync_jobtype_v1 — the per-call context: deadline, interruption and the error channel.
 *
 * Every callback that may block (create, test_connection, import_jobs, run, poll, cancel) receives a
 * host-owned psj_call_context. It is valid only until the callback returns, and only for that call.
 * The plugin calls its functions from the thread that runs the callback (or from threads it joins before
 * returning), except where noted.
 *
 * Interrupting a call is not cancelling a run: an interrupted `run` or `poll` only stops waiting on the
 * network; the remote job keeps running until `cancel` is called.
 */
#ifndef POLYSYNC_JOBTYPE_V1_CALL_CONTEXT_H
#define POLYSYNC_JOBTYPE_V1_CALL_CONTEXT_H

#include "base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "No deadline" value of remaining_ms(). */
#define PSJ_NO_DEADLINE INT64_MAX

typedef struct psj_call_context psj_call_context;

/* Run by the host from another thread when it interrupts the call. It must be quick and must not block:
 * typically it shuts down the socket the call is waiting on. */
typedef void (*psj_interrupt_handler)(void* plugin_data);

struct psj_call_context {
  uint32_t struct_size;
  void* host_data; /* the host's own */

  /* Milliseconds left before the call's deadline (<= 0 when passed), or PSJ_NO_DEADLINE. A plugin returns
   * PSJ_E_TIMEOUT rather than overrun it. Cheap; any thread while the call runs. */
  int64_t (*remaining_ms)(const psj_call_context* ctx);

  /* Nonzero once the host has interrupted the call. Cheap; poll it between steps. Any thread. A host also
   * interrupts a call when its deadline passes: a call interrupted with remaining_ms() <= 0 returns
   * PSJ_E_TIMEOUT, not PSJ_E_INTERRUPTED. */
  int32_t (*is_interrupted)(const psj_call_context* ctx);

  /* Installs (or, with handler NULL, removes) the handler the host runs from its own thread when it
   * interrupts this call. At most one handler is installed; a new one replaces the old. If the call was
   * already interrupted, the host runs the handler at once, on the calling thread, before returning.
   * The host guarantees the handler has finished, and will not be started again, once the callback has
   * returned. Removing or replacing the handler waits until a handler already running on the host's thread
   * has finished, so once set_interrupt_handler returns the old `plugin_data` is no longer used — which is
   * what lets `plugin_data` point to the callback's stack (remove the handler before that frame is gone). */
  void (*set_interrupt_handler)(const psj_call_context* ctx, psj_interrupt_handler handler, void* plugin_data);

  /* Reports why the call fails: the same code the callback returns and a one-line message (what went wrong,
   * what to do; with the remote error code and request id where there is one; never a secret). The host
   * copies the message. Calling it again replaces the earlier error. */
  void (*set_error)(const psj_call_context* ctx, int32_t code, const char* message, uint64_t len);

  /* For retryable codes: the earliest time, in milliseconds from now, the host should try again (e.g. from
   * an HTTP Retry-After). Optional. */
  void (*set_retry_after_ms)(const psj_call_context* ctx, int64_t ms);
};

#ifdef __cplusplus
}
#endif
#endif /* POLYSYNC_JOBTYPE_V1_CALL_CONTEXT_H */
