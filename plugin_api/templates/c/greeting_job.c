/* A job type in plain C: copy this folder, rename the ids, and fill in run/poll/cancel with calls to your
 * platform. Every callback checks its arguments, reports errors through set_error with the code it returns,
 * and reports a passed deadline as PSJ_E_TIMEOUT (never PSJ_E_INTERRUPTED). It passes
 * `polysync-host-stub check-plugin`: NULL, truncated and malformed arguments are refused, and so is an
 * instance that was destroyed (a list of the live ones). */
#define _POSIX_C_SOURCE 200809L /* pthread under -std=c99 */
#include <polysync/jobtype_v1.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct psj_instance {
  char* greeting; /* copied from the settings: the host's strings are borrowed */
  struct psj_instance* next_live;
};

/* The live instances: a call on one that was destroyed is refused, never a use of freed memory. */
static pthread_mutex_t g_live_lock = PTHREAD_MUTEX_INITIALIZER;
static struct psj_instance* g_live = NULL;

static int is_live(const psj_instance* instance) {
  const psj_instance* it;
  int found = 0;
  pthread_mutex_lock(&g_live_lock);
  for (it = g_live; it != NULL && !found; it = it->next_live) found = it == instance;
  pthread_mutex_unlock(&g_live_lock);
  return found;
}

static int32_t fail(const psj_call_context* ctx, int32_t code, const char* message) {
  if (PSJ_HAS(ctx, psj_call_context, set_error) && ctx->set_error != NULL)
    ctx->set_error(ctx, code, message, strlen(message));
  return code;
}

/* A context too short to carry set_error (or none) cannot report anything: refuse the call. */
static int usable(const psj_call_context* ctx) { return PSJ_HAS(ctx, psj_call_context, set_error); }

/* Between steps of anything long: a passed deadline is a timeout, any other interrupt an interruption. */
static int32_t check_call(const psj_call_context* ctx) {
  if (PSJ_HAS(ctx, psj_call_context, remaining_ms) && ctx->remaining_ms != NULL &&
      ctx->remaining_ms(ctx) <= 0)
    return fail(ctx, PSJ_E_TIMEOUT, "the call's deadline passed; the host may try again later");
  if (PSJ_HAS(ctx, psj_call_context, is_interrupted) && ctx->is_interrupted != NULL &&
      ctx->is_interrupted(ctx))
    return fail(ctx, PSJ_E_INTERRUPTED, "the host interrupted the call");
  return PSJ_OK;
}

static int32_t greeting_create(const psj_job_type* job_type, const psj_kv* const* settings, uint64_t count,
                               const psj_call_context* ctx, psj_instance** out) {
  uint64_t i;
  (void)job_type;
  if (!usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  if (out == NULL || (count > 0 && settings == NULL))
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "NULL argument");
  for (i = 0; i < count; ++i) {
    const psj_kv* kv = settings[i];
    if (kv == NULL || kv->struct_size < sizeof(psj_kv) || (kv->key.len > 0 && kv->key.data == NULL) ||
        (kv->value.len > 0 && kv->value.data == NULL))
      return fail(ctx, PSJ_E_INVALID_SETTINGS, "malformed setting");
  }
  for (i = 0; i < count; ++i) {
    const psj_kv* kv = settings[i];
    if (kv->key.len == 8 && memcmp(kv->key.data, "Greeting", 8) == 0 && kv->value.len > 0) {
      psj_instance* instance = calloc(1, sizeof *instance);
      if (instance == NULL || (instance->greeting = malloc(kv->value.len + 1)) == NULL) {
        free(instance);
        return fail(ctx, PSJ_E_INTERNAL, "out of memory");
      }
      memcpy(instance->greeting, kv->value.data, kv->value.len);
      instance->greeting[kv->value.len] = '\0';
      pthread_mutex_lock(&g_live_lock);
      instance->next_live = g_live;
      g_live = instance;
      pthread_mutex_unlock(&g_live_lock);
      *out = instance;
      return PSJ_OK;
    }
  }
  return fail(ctx, PSJ_E_INVALID_SETTINGS, "the connection setting 'Greeting' is required; set it");
}

static void greeting_destroy(psj_instance* instance) {
  psj_instance** link;
  int found = 0;
  pthread_mutex_lock(&g_live_lock);
  for (link = &g_live; *link != NULL; link = &(*link)->next_live) {
    if (*link == instance) {
      *link = instance->next_live;
      found = 1;
      break;
    }
  }
  pthread_mutex_unlock(&g_live_lock);
  if (!found) return;                                        /* NULL, or destroyed already */
  memset(instance->greeting, 0, strlen(instance->greeting)); /* wipe what could be a secret */
  free(instance->greeting);
  free(instance);
}

static int32_t greeting_run(psj_instance* instance, const psj_call_context* ctx,
                            const psj_run_request* request, const psj_run_sink* sink) {
  int32_t code;
  if (!usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  if (!is_live(instance)) return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the instance was destroyed");
  if (request == NULL || request->struct_size < sizeof(psj_run_request) || sink == NULL ||
      !PSJ_HAS(sink, psj_run_sink, set_run_id) || sink->set_run_id == NULL ||
      (request->parameter_count > 0 && request->parameters == NULL) ||
      (request->attribute_count > 0 && request->attributes == NULL))
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "malformed run request or sink");
  if ((code = check_call(ctx)) != PSJ_OK) return code;
  /* Exactly once: the same idempotency key names the same run (sinks copy, so borrowed text is fine). */
  if (request->idempotency_key.len == 0 || request->idempotency_key.len > 1024)
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "an idempotency key of 1 to 1024 bytes is required");
  sink->set_run_id(sink, request->idempotency_key.data, request->idempotency_key.len);
  return PSJ_OK;
}

static int32_t greeting_status(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                               const psj_status_sink* sink, int32_t state, const char* raw_status) {
  if (!usable(ctx)) return PSJ_E_INVALID_ARGUMENT;
  if (!is_live(instance)) return fail(ctx, PSJ_E_INVALID_ARGUMENT, "the instance was destroyed");
  if (run == NULL || run->struct_size < sizeof(psj_run_ref) || sink == NULL ||
      !PSJ_HAS(sink, psj_status_sink, set_state) || sink->set_state == NULL ||
      (run->parameter_count > 0 && run->parameters == NULL))
    return fail(ctx, PSJ_E_INVALID_ARGUMENT, "malformed run reference or sink");
  sink->set_state(sink, state, raw_status, strlen(raw_status));
  if (state == PSJ_STATE_SUCCESS && PSJ_HAS(sink, psj_status_sink, add_output) && sink->add_output != NULL)
    sink->add_output(sink, "greeting", 8, instance->greeting, strlen(instance->greeting));
  return PSJ_OK;
}

static int32_t greeting_poll(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                             const psj_status_sink* sink) {
  return greeting_status(instance, ctx, run, sink, PSJ_STATE_SUCCESS, "Completed");
}

static int32_t greeting_cancel(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                               const psj_status_sink* sink) {
  return greeting_status(instance, ctx, run, sink, PSJ_STATE_CANCELLED, "Canceled");
}

static const psj_job_type greeting_job_type = {
    sizeof(psj_job_type),
    PSJ_CAP_IDEMPOTENT_RUN | PSJ_CAP_STATELESS_POLL | PSJ_CAP_CANCEL | PSJ_CAP_OUTPUTS,
    "example.greeting-job",
    "Greeting Job",
    "{\"type\":\"object\",\"required\":[\"Greeting\"],\"properties\":{\"Greeting\":{\"type\":\"string\"}}}",
    NULL, /* attributes schema */
    NULL, /* parameters schema */
    greeting_create,
    greeting_destroy,
    NULL, /* test_connection */
    NULL, /* import_jobs */
    greeting_run,
    greeting_poll,
    greeting_cancel,
};

static int32_t greeting_init(const psj_host* host, const char* path, uint32_t effective_minor) {
  (void)path;
  return host == NULL || effective_minor > PSJ_ABI_MINOR ? PSJ_E_INVALID_ARGUMENT : PSJ_OK;
}
static void greeting_deinit(void) {}
static uint32_t greeting_count(void) { return 1; }
static const psj_job_type* greeting_at(uint32_t index) { return index == 0 ? &greeting_job_type : NULL; }

static const psj_plugin_entry greeting_entry = {
    sizeof(psj_plugin_entry), PSJ_ABI_MAJOR, PSJ_ABI_MINOR, 0 /* min_host_minor */,
    "example.greeting",       "1.0.0",       greeting_init, greeting_deinit,
    greeting_count,           greeting_at,
};

PSJ_EXPORT const psj_plugin_entry* polysync_jobtype_v1_entry(void) { return &greeting_entry; }
