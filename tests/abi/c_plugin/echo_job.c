/*
 * "Echo Job": a tiny polysync_jobtype_v1 job type in plain C99, with no C++ runtime. It proves the ABI
 * works without C++ and gives the contract tests a second, predictable plugin:
 *   - create needs the setting "Greeting" (flagged or not) and copies it;
 *   - test_connection reports the greeting;
 *   - import emits two jobs, "echo-text" and "echo-number", with parameter schemas;
 *   - run returns "echo-<idempotency key>" (or "echo-run-<n>" without a key); the external id "fail" gives
 *     a run that fails, "block" blocks until the host interrupts the call (or its deadline passes);
 *   - poll reports Running on the first poll of a run, then Success with every Output parameter set to the
 *     first Input parameter's value (the echo), or Failed with a message;
 *   - poll reports step progress with Running (ABI 1.1: two of three steps done, "echo_step" running);
 *   - cancel reports Cancelled.
 * It is also the example plugin_api/README.md walks through. The same file builds against the frozen 1.0
 * headers (tests/abi/compat/): what 1.1 added is compiled only when the header has it (PSJ_ABI_MINOR).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "polysync/jobtype_v1.h"

#define ECHO_MAX_RUNS 64
#define ECHO_RUN_ID_MAX 256
#define ECHO_BLOCK_LIMIT_MS 60000 /* a safety bound: never block a test run forever */

/* ---- Module state: set by init, cleared by deinit (no static constructors in C anyway) --------------- */

static const psj_host* g_host = NULL;
static uint32_t g_effective_minor = 0;

/* Live instances, so a call on a destroyed instance is refused instead of touching freed memory. */
static pthread_mutex_t g_live_lock = PTHREAD_MUTEX_INITIALIZER;

struct echo_run {
  char id[ECHO_RUN_ID_MAX];
  unsigned polls;
};

struct psj_instance {
  struct psj_instance* next_live;
  char* greeting;
  pthread_mutex_t lock; /* guards runs and run_counter: calls may run concurrently on one instance */
  struct echo_run runs[ECHO_MAX_RUNS];
  unsigned run_slot;
  unsigned run_counter;
};

static struct psj_instance* g_live = NULL;

static int is_live(const psj_instance* instance) {
  const struct psj_instance* it;
  int found = 0;
  pthread_mutex_lock(&g_live_lock);
  for (it = g_live; it != NULL; it = it->next_live) {
    if (it == instance) found = 1;
  }
  pthread_mutex_unlock(&g_live_lock);
  return found;
}

/* ---- Small helpers --------------------------------------------------------------------------------------
 */

static void echo_log(int32_t level, const char* text) {
  if (g_host != NULL && PSJ_HAS(g_host, psj_host, log) && g_host->log != NULL) {
    g_host->log(g_host, level, text, strlen(text));
  }
}

static int ctx_usable(const psj_call_context* ctx) {
  return ctx != NULL && PSJ_HAS(ctx, psj_call_context, set_error);
}

/* Reports an error and returns its code, so callers can write `return fail(ctx, code, "...")`. */
static int32_t fail(const psj_call_context* ctx, int32_t code, const char* message) {
  if (ctx_usable(ctx) && ctx->set_error != NULL) ctx->set_error(ctx, code, message, strlen(message));
  return code;
}

static int str_equals(psj_str s, const char* text) {
  size_t len = strlen(text);
  return s.data != NULL && s.len == len && memcmp(s.data, text, len) == 0;
}

static int str_starts_with(psj_str s, const char* prefix) {
  size_t len = strlen(prefix);
  return s.data != NULL && s.len >= len && memcmp(s.data, prefix, len) == 0;
}

static int str_valid(psj_str s) { return s.len == 0 || s.data != NULL; }

static psj_str cstr(const char* text) {
  psj_str s;
  s.data = text;
  s.len = strlen(text);
  return s;
}

static int64_t remaining_ms(const psj_call_context* ctx) {
  return ctx->remaining_ms != NULL ? ctx->remaining_ms(ctx) : PSJ_NO_DEADLINE;
}

static int interrupted(const psj_call_context* ctx) {
  return ctx->is_interrupted != NULL && ctx->is_interrupted(ctx) != 0;
}

/* ---- create / destroy -----------------------------------------------------------------------------------
 */

static int32_t echo_create(const psj_job_type* job_type, const psj_kv* const* settings,
                           uint64_t setting_count, const psj_call_context* ctx, psj_instance** out_instance) {
  const psj_kv* greeting = NULL;
  struct psj_instance* instance;
  uint64_t i;
  (void)job_type;
  if (!ctx_usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  if (out_instance == NULL || (setting_count > 0 && settings == NULL)) {
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "create() was given a NULL pointer");
  }
  for (i = 0; i < setting_count; ++i) {
    const psj_kv* kv = settings[i];
    if (kv == NULL || kv->struct_size < sizeof(psj_kv) || !str_valid(kv->key) || !str_valid(kv->value)) {
      return fail(ctx, PSJ_E_INVALID_SETTINGS, "a setting is NULL or malformed");
    }
    if (str_equals(kv->key, "Greeting")) greeting = kv;
  }
  if (greeting == NULL || greeting->value.len == 0) {
    return fail(ctx, PSJ_E_INVALID_SETTINGS, "the connection setting 'Greeting' is required; set it");
  }
  instance = (struct psj_instance*)calloc(1, sizeof *instance);
  if (instance == NULL) return fail(ctx, PSJ_E_INTERNAL, "out of memory");
  instance->greeting = (char*)malloc((size_t)greeting->value.len + 1);
  if (instance->greeting == NULL) {
    free(instance);
    return fail(ctx, PSJ_E_INTERNAL, "out of memory");
  }
  memcpy(instance->greeting, greeting->value.data, (size_t)greeting->value.len); /* copy what we keep */
  instance->greeting[greeting->value.len] = '\0';
  pthread_mutex_init(&instance->lock, NULL);
  pthread_mutex_lock(&g_live_lock);
  instance->next_live = g_live;
  g_live = instance;
  pthread_mutex_unlock(&g_live_lock);
  *out_instance = instance;
  return PSJ_OK;
}

static void echo_destroy(psj_instance* instance) {
  struct psj_instance** link;
  int found = 0;
  if (instance == NULL) return;
  pthread_mutex_lock(&g_live_lock);
  for (link = &g_live; *link != NULL; link = &(*link)->next_live) {
    if (*link == instance) {
      *link = instance->next_live;
      found = 1;
      break;
    }
  }
  pthread_mutex_unlock(&g_live_lock);
  if (!found) return;                                        /* not ours, or destroyed already */
  memset(instance->greeting, 0, strlen(instance->greeting)); /* wipe what could be a secret */
  free(instance->greeting);
  pthread_mutex_destroy(&instance->lock);
  free(instance);
}

/* ---- test_connection / import
 * ------------------------------------------------------------------------------ */

static int32_t echo_test_connection(psj_instance* instance, const psj_call_context* ctx,
                                    const psj_text_sink* result) {
  char text[512];
  if (!ctx_usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  if (!is_live(instance)) return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the instance is not live");
  if (result == NULL) return fail(ctx, PSJ_E_INVALID_ARGUMENT, "test_connection() was given no result sink");
  snprintf(text, sizeof text, "echo connection ok (greeting: %s; ABI minor %u)", instance->greeting,
           (unsigned)g_effective_minor);
  if (PSJ_HAS(result, psj_text_sink, set_text) && result->set_text != NULL) {
    result->set_text(result, text, strlen(text));
  }
  return PSJ_OK;
}

static psj_parameter_schema schema(int32_t direction, int32_t data_type, const char* name,
                                   const char* default_value) {
  psj_parameter_schema s;
  memset(&s, 0, sizeof s);
  s.struct_size = sizeof s;
  s.direction = direction;
  s.data_type = data_type;
  s.flags = default_value != NULL ? PSJ_SCHEMA_HAS_DEFAULT : 0u;
  s.name = cstr(name);
  s.default_value = cstr(default_value != NULL ? default_value : "");
  s.description = cstr("");
  return s;
}

static psj_imported_job job(const char* id, const char* name, const psj_parameter_schema* const* parameters,
                            uint64_t count) {
  psj_imported_job j;
  memset(&j, 0, sizeof j);
  j.struct_size = sizeof j;
  j.external_id = cstr(id);
  j.name = cstr(name);
  j.description = cstr("An echo job: its outputs repeat its first input.");
  j.job_type = cstr("Echo Job");
  j.parameters = parameters;
  j.parameter_count = count;
  return j;
}

static int32_t echo_import_jobs(psj_instance* instance, const psj_call_context* ctx,
                                const psj_import_request* request, const psj_import_sink* sink) {
  psj_parameter_schema text_in, text_out, count_in, secret_in, count_out;
  const psj_parameter_schema* text_params[2];
  const psj_parameter_schema* count_params[3];
  psj_imported_job jobs[2];
  int i;
  if (!ctx_usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  if (!is_live(instance)) return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the instance is not live");
  if (request == NULL || request->struct_size < sizeof(psj_import_request)) {
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the import request is NULL or truncated");
  }
  if (sink == NULL || !PSJ_HAS(sink, psj_import_sink, emit_job) || sink->emit_job == NULL) {
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the import sink is NULL or truncated");
  }
  text_in = schema(PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "text", "hello");
  text_out = schema(PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "echo", NULL);
  count_in = schema(PSJ_DIRECTION_INPUT, PSJ_TYPE_INT, "count", "1");
  secret_in = schema(PSJ_DIRECTION_INPUT, PSJ_TYPE_SECRET, "token", NULL);
  count_out = schema(PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "result", NULL);
  text_params[0] = &text_in;
  text_params[1] = &text_out;
  count_params[0] = &count_in;
  count_params[1] = &secret_in;
  count_params[2] = &count_out;
  jobs[0] = job("echo-text", "Echo text", text_params, 2);
  jobs[1] = job("echo-number", "Echo number", count_params, 3);
  for (i = 0; i < 2; ++i) {
    if (sink->emit_job(sink, &jobs[i]) != 0) break; /* the host wants no more */
  }
  return PSJ_OK;
}

/* ---- run -------------------------------------------------------------------------------------------------
 */

/* What the interrupt handler shares with the blocked call; it lives on the call's stack, which is allowed
 * because the handler is removed (and a running one waited for) before the call returns. */
struct block_wait {
  pthread_mutex_t lock;
  pthread_cond_t wake;
  int interrupted;
};

static void on_interrupt(void* plugin_data) {
  struct block_wait* wait = (struct block_wait*)plugin_data;
  pthread_mutex_lock(&wait->lock);
  wait->interrupted = 1;
  pthread_cond_signal(&wait->wake);
  pthread_mutex_unlock(&wait->lock);
}

static int32_t block_until_interrupted(const psj_call_context* ctx) {
  struct block_wait wait;
  int64_t waited_ms = 0;
  int32_t result = PSJ_OK;
  pthread_mutex_init(&wait.lock, NULL);
  pthread_cond_init(&wait.wake, NULL);
  wait.interrupted = 0;
  if (ctx->set_interrupt_handler != NULL) ctx->set_interrupt_handler(ctx, on_interrupt, &wait);
  pthread_mutex_lock(&wait.lock);
  while (result == PSJ_OK) {
    struct timespec until;
    /* The deadline first: a host may interrupt a call because its deadline passed, and that is a timeout. */
    if (remaining_ms(ctx) <= 0 || waited_ms >= ECHO_BLOCK_LIMIT_MS) {
      result = PSJ_E_TIMEOUT;
    } else if (wait.interrupted || interrupted(ctx)) {
      result = PSJ_E_INTERRUPTED;
    } else {
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_nsec += 20 * 1000000L; /* re-check the deadline and the flag every 20 ms */
      if (until.tv_nsec >= 1000000000L) {
        until.tv_sec += 1;
        until.tv_nsec -= 1000000000L;
      }
      (void)pthread_cond_timedwait(&wait.wake, &wait.lock, &until);
      waited_ms += 20;
    }
  }
  pthread_mutex_unlock(&wait.lock);
  if (ctx->set_interrupt_handler != NULL) ctx->set_interrupt_handler(ctx, NULL, NULL);
  pthread_cond_destroy(&wait.wake);
  pthread_mutex_destroy(&wait.lock);
  return result == PSJ_E_INTERRUPTED ? fail(ctx, result, "the host interrupted the call while it was blocked")
                                     : fail(ctx, result, "the call's deadline passed while it was blocked");
}

static int32_t echo_run(psj_instance* instance, const psj_call_context* ctx, const psj_run_request* request,
                        const psj_run_sink* sink) {
  char run_id[ECHO_RUN_ID_MAX];
  const char* prefix;
  unsigned n;
  if (!ctx_usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  if (!is_live(instance)) return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the instance is not live");
  if (request == NULL || request->struct_size < sizeof(psj_run_request) || !str_valid(request->external_id) ||
      !str_valid(request->idempotency_key)) {
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the run request is NULL, truncated or malformed");
  }
  if (sink == NULL || !PSJ_HAS(sink, psj_run_sink, set_run_id) || sink->set_run_id == NULL) {
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the run sink is NULL or truncated");
  }
  if (str_equals(request->external_id, "block")) return block_until_interrupted(ctx);
  if (str_equals(request->external_id, "fail")) {
    prefix = "fail-";
  } else if (str_equals(request->external_id, "echo-text") ||
             str_equals(request->external_id, "echo-number")) {
    prefix = "echo-";
  } else {
    return fail(ctx, PSJ_E_NOT_FOUND, "no echo job has this external id; import the jobs to see them");
  }
  if (request->idempotency_key.len > 0) {
    /* Exactly once: the run id is derived from the key, so a retry returns the same run. */
    if (request->idempotency_key.len > ECHO_RUN_ID_MAX - 16) {
      return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the idempotency key is too long for an echo run id");
    }
    snprintf(run_id, sizeof run_id, "%s%.*s", prefix, (int)request->idempotency_key.len,
             request->idempotency_key.data);
  } else {
    pthread_mutex_lock(&instance->lock);
    n = ++instance->run_counter;
    pthread_mutex_unlock(&instance->lock);
    snprintf(run_id, sizeof run_id, "%srun-%u", prefix, n);
  }
  sink->set_run_id(sink, run_id, strlen(run_id));
  if (PSJ_HAS(sink, psj_run_sink, set_monitor_url) && sink->set_monitor_url != NULL) {
    char url[ECHO_RUN_ID_MAX + 32];
    snprintf(url, sizeof url, "https://echo.invalid/runs/%s", run_id);
    sink->set_monitor_url(sink, url, strlen(url));
  }
  return PSJ_OK;
}

/* ---- poll / cancel
 * ------------------------------------------------------------------------------------------ */

/* Counts this poll of `run_id` and returns how many polls came before it. */
static unsigned count_poll(struct psj_instance* instance, psj_str run_id) {
  unsigned i, before = 0;
  int found = 0;
  pthread_mutex_lock(&instance->lock);
  for (i = 0; i < ECHO_MAX_RUNS; ++i) {
    struct echo_run* run = &instance->runs[i];
    if (strlen(run->id) == run_id.len && memcmp(run->id, run_id.data, (size_t)run_id.len) == 0) {
      before = run->polls++;
      found = 1;
      break;
    }
  }
  if (!found) {
    struct echo_run* run = &instance->runs[instance->run_slot++ % ECHO_MAX_RUNS];
    snprintf(run->id, sizeof run->id, "%.*s", (int)run_id.len, run_id.data);
    run->polls = 1;
  }
  pthread_mutex_unlock(&instance->lock);
  return before;
}

static int32_t check_ref(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* ref,
                         const psj_status_sink* sink) {
  uint64_t i;
  if (!is_live(instance)) return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the instance is not live");
  if (ref == NULL || ref->struct_size < sizeof(psj_run_ref) || !str_valid(ref->run_id) ||
      ref->run_id.len >= ECHO_RUN_ID_MAX || (ref->parameter_count > 0 && ref->parameters == NULL)) {
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the run reference is NULL, truncated or malformed");
  }
  for (i = 0; i < ref->parameter_count; ++i) {
    const psj_parameter* p = ref->parameters[i];
    if (p == NULL || p->struct_size < sizeof(psj_parameter) || !str_valid(p->name) || !str_valid(p->value)) {
      return fail(ctx, PSJ_E_INVALID_ARGUMENT, "a parameter of the run reference is NULL or malformed");
    }
  }
  if (sink == NULL || !PSJ_HAS(sink, psj_status_sink, set_state) || sink->set_state == NULL) {
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the status sink is NULL or truncated");
  }
  if (!str_starts_with(ref->run_id, "echo-") && !str_starts_with(ref->run_id, "fail-")) {
    return fail(ctx, PSJ_E_NOT_FOUND, "no echo run has this run id");
  }
  return PSJ_OK;
}

static void report_outputs(const psj_run_ref* ref, const psj_status_sink* sink) {
  psj_str echoed = cstr("");
  uint64_t i;
  if (!PSJ_HAS(sink, psj_status_sink, add_output) || sink->add_output == NULL) return;
  for (i = 0; i < ref->parameter_count; ++i) {
    int32_t d = ref->parameters[i]->direction;
    if (d == PSJ_DIRECTION_INPUT || d == PSJ_DIRECTION_UNSET || d == PSJ_DIRECTION_INPUT_OUTPUT) {
      echoed = ref->parameters[i]->value;
      break;
    }
  }
  for (i = 0; i < ref->parameter_count; ++i) {
    const psj_parameter* p = ref->parameters[i];
    if (p->direction == PSJ_DIRECTION_OUTPUT || p->direction == PSJ_DIRECTION_INPUT_OUTPUT) {
      sink->add_output(sink, p->name.data, p->name.len, echoed.data != NULL ? echoed.data : "", echoed.len);
    }
  }
}

static void set_optional(const psj_status_sink* sink, const char* message, int terminal) {
  if (PSJ_HAS(sink, psj_status_sink, set_start_time) && sink->set_start_time != NULL) {
    sink->set_start_time(sink, INT64_C(1700000000000));
  }
  if (terminal && PSJ_HAS(sink, psj_status_sink, set_end_time) && sink->set_end_time != NULL) {
    sink->set_end_time(sink, INT64_C(1700000060000));
  }
  if (message != NULL && PSJ_HAS(sink, psj_status_sink, set_message) && sink->set_message != NULL) {
    sink->set_message(sink, message, strlen(message));
  }
  if (!terminal && PSJ_HAS(sink, psj_status_sink, set_next_poll_ms) && sink->set_next_poll_ms != NULL) {
    sink->set_next_poll_ms(sink, 10);
  }
}

/* Step progress arrived with ABI 1.1: compiled only against a header that has it, called only when the
 * host's sink has it (a 1.0 host's struct_size ends before set_progress) and the agreed minor includes it. */
static void set_progress(const psj_status_sink* sink) {
#if PSJ_ABI_MINOR >= 1
  static const psj_str running[] = {{"echo_step", 9}};
  psj_progress progress;
  if (g_effective_minor < 1 || !PSJ_HAS(sink, psj_status_sink, set_progress) || sink->set_progress == NULL)
    return;
  memset(&progress, 0, sizeof progress);
  progress.struct_size = sizeof progress;
  progress.steps_total = 3;
  progress.steps_completed = 1;
  progress.steps_running = 1;
  progress.steps_skipped = 1;
  progress.running = running;
  progress.running_count = 1;
  sink->set_progress(sink, &progress);
#else
  (void)sink;
#endif
}

static void set_state(const psj_status_sink* sink, int32_t state, const char* raw) {
  sink->set_state(sink, state, raw, strlen(raw));
}

static int32_t echo_poll(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                         const psj_status_sink* sink) {
  int32_t checked;
  if (!ctx_usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  checked = check_ref(instance, ctx, run, sink);
  if (checked != PSJ_OK) return checked;
  if (count_poll(instance, run->run_id) == 0) {
    set_state(sink, PSJ_STATE_RUNNING, "Running");
    set_optional(sink, NULL, 0);
    set_progress(sink);
  } else if (str_starts_with(run->run_id, "fail-")) {
    set_state(sink, PSJ_STATE_FAILED, "Failed");
    set_optional(sink, "the echo job failed because its external id was 'fail'", 1);
  } else {
    set_state(sink, PSJ_STATE_SUCCESS, "Completed");
    report_outputs(run, sink);
    set_optional(sink, NULL, 1);
  }
  return PSJ_OK;
}

static int32_t echo_cancel(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                           const psj_status_sink* sink) {
  int32_t checked;
  if (!ctx_usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  checked = check_ref(instance, ctx, run, sink);
  if (checked != PSJ_OK) return checked;
  set_state(sink, PSJ_STATE_CANCELLED, "Canceled");
  set_optional(sink, "cancelled on request", 1);
  return PSJ_OK;
}

/* ---- Descriptor and entry
 * ---------------------------------------------------------------------------------- */

static const psj_job_type g_echo_job_type = {
    sizeof(psj_job_type),
    PSJ_CAP_TEST_CONNECTION | PSJ_CAP_IMPORT | PSJ_CAP_CANCEL | PSJ_CAP_OUTPUTS | PSJ_CAP_IDEMPOTENT_RUN
#if PSJ_ABI_MINOR >= 1
        | PSJ_CAP_PROGRESS
#endif
    ,
    "polysync.echo-job",
    "Echo Job",
    "{\"type\":\"object\",\"required\":[\"Greeting\"],\"properties\":{\"Greeting\":{\"type\":\"string\"}}}",
    "{\"type\":\"object\"}",
    "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
    echo_create,
    echo_destroy,
    echo_test_connection,
    echo_import_jobs,
    echo_run,
    echo_poll,
    echo_cancel,
};

static int32_t echo_init(const psj_host* host, const char* plugin_path, uint32_t effective_minor) {
  (void)plugin_path;
  if (host == NULL || host->struct_size < offsetof(psj_host, abi_minor) + sizeof host->abi_minor) {
    return PSJ_E_INVALID_ARGUMENT;
  }
  if (effective_minor > PSJ_ABI_MINOR || effective_minor > host->abi_minor) {
    if (PSJ_HAS(host, psj_host, log) && host->log != NULL) {
      const char* reason = "polysync.echo refused to start: the host asked for a newer ABI minor than agreed";
      host->log(host, PSJ_LOG_ERROR, reason, strlen(reason));
    }
    return PSJ_E_INVALID_ARGUMENT;
  }
  g_host = host;
  g_effective_minor = effective_minor;
  echo_log(PSJ_LOG_DEBUG, "polysync.echo initialised");
  return PSJ_OK;
}

static void echo_deinit(void) {
  /* The host destroys every instance first; anything left is a host bug, freed here all the same. */
  while (g_live != NULL) echo_destroy(g_live);
  g_host = NULL;
}

static uint32_t echo_job_type_count(void) { return 1; }

static const psj_job_type* echo_job_type_at(uint32_t index) { return index == 0 ? &g_echo_job_type : NULL; }

static const psj_plugin_entry g_entry = {
    sizeof(psj_plugin_entry), PSJ_ABI_MAJOR,    PSJ_ABI_MINOR, 0,
    "polysync.echo",          "1.0.0",          echo_init,     echo_deinit,
    echo_job_type_count,      echo_job_type_at,
};

PSJ_EXPORT const psj_plugin_entry* polysync_jobtype_v1_entry(void) { return &g_entry; }
