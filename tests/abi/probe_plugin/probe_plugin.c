/*
 * "Probe": one small C plugin built several times with different compile definitions, to give the loader
 * tests plugins that a host must refuse (no entry symbol, wrong major, too-new minimum host minor, truncated
 * entry struct) and plugins whose manifest disagrees with them, plus a valid one with a skewed minor.
 *
 *   PROBE_NO_ENTRY          export nothing
 *   PROBE_ABI_MAJOR         psj_plugin_entry.abi_major        (default PSJ_ABI_MAJOR)
 *   PROBE_ABI_MINOR         psj_plugin_entry.abi_minor        (default PSJ_ABI_MINOR)
 *   PROBE_MIN_HOST_MINOR    psj_plugin_entry.min_host_minor   (default 0)
 *   PROBE_TRUNCATED_ENTRY   struct_size stops before job_type_count
 *   PROBE_BREAKS_CONTRACT   loads, but its callbacks break the contract check-plugin checks (below)
 *
 * Its one job type, "polysync.probe-job", creates instances and reports the agreed minor through
 * test_connection ("effective minor N"); everything else is left NULL (unsupported). With
 * PROBE_BREAKS_CONTRACT every callback is set and each breaks a promise: import_jobs reports a set_error code
 * that differs from the one it returns, run returns PSJ_OK without a run id, poll reports Failed without a
 * message, cancel returns a code in no band.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "polysync/jobtype_v1.h"

#ifndef PROBE_ABI_MAJOR
#define PROBE_ABI_MAJOR PSJ_ABI_MAJOR
#endif
#ifndef PROBE_ABI_MINOR
#define PROBE_ABI_MINOR PSJ_ABI_MINOR
#endif
#ifndef PROBE_MIN_HOST_MINOR
#define PROBE_MIN_HOST_MINOR 0u
#endif
#ifdef PROBE_TRUNCATED_ENTRY
#define PROBE_ENTRY_SIZE offsetof(psj_plugin_entry, job_type_count)
#else
#define PROBE_ENTRY_SIZE sizeof(psj_plugin_entry)
#endif

struct psj_instance {
  int unused;
};

static uint32_t g_effective_minor = 0;

static int32_t probe_create(const psj_job_type* job_type, const psj_kv* const* settings, uint64_t count,
                            const psj_call_context* ctx, psj_instance** out_instance) {
  (void)job_type;
  (void)settings;
  (void)count;
  (void)ctx;
  if (out_instance == NULL) return PSJ_E_INVALID_ARGUMENT;
  *out_instance = (psj_instance*)calloc(1, sizeof(psj_instance));
  return *out_instance != NULL ? PSJ_OK : PSJ_E_INTERNAL;
}

static void probe_destroy(psj_instance* instance) { free(instance); }

static int32_t probe_test_connection(psj_instance* instance, const psj_call_context* ctx,
                                     const psj_text_sink* result) {
  char text[64];
  (void)instance;
  (void)ctx;
  snprintf(text, sizeof text, "effective minor %u", (unsigned)g_effective_minor);
  if (result != NULL && PSJ_HAS(result, psj_text_sink, set_text) && result->set_text != NULL) {
    result->set_text(result, text, strlen(text));
  }
  return PSJ_OK;
}

#ifdef PROBE_BREAKS_CONTRACT
static void probe_error(const psj_call_context* ctx, int32_t code, const char* message) {
  if (PSJ_HAS(ctx, psj_call_context, set_error) && ctx->set_error != NULL) {
    ctx->set_error(ctx, code, message, strlen(message));
  }
}

static int32_t probe_import_jobs(psj_instance* instance, const psj_call_context* ctx,
                                 const psj_import_request* request, const psj_import_sink* sink) {
  (void)instance;
  (void)request;
  (void)sink;
  probe_error(ctx, PSJ_E_NOT_FOUND, "nothing to import");
  return PSJ_E_UNAVAILABLE; /* not the code it reported */
}

static int32_t probe_run(psj_instance* instance, const psj_call_context* ctx, const psj_run_request* request,
                         const psj_run_sink* sink) {
  (void)instance;
  (void)ctx;
  (void)request;
  (void)sink;
  return PSJ_OK; /* without set_run_id */
}

static int32_t probe_poll(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                          const psj_status_sink* sink) {
  (void)instance;
  (void)ctx;
  (void)run;
  if (PSJ_HAS(sink, psj_status_sink, set_state) && sink->set_state != NULL) {
    sink->set_state(sink, PSJ_STATE_FAILED, "Failed", 6); /* without a message */
  }
  return PSJ_OK;
}

static int32_t probe_cancel(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                            const psj_status_sink* sink) {
  (void)instance;
  (void)run;
  (void)sink;
  probe_error(ctx, 777, "cancel is not possible");
  return 777; /* in no band */
}

static const psj_job_type g_probe_job_type = {
    sizeof(psj_job_type),
    PSJ_CAP_TEST_CONNECTION | PSJ_CAP_IMPORT | PSJ_CAP_CANCEL,
    "polysync.probe-job",
    "Probe Job",
    NULL,
    NULL,
    NULL,
    probe_create,
    probe_destroy,
    probe_test_connection,
    probe_import_jobs,
    probe_run,
    probe_poll,
    probe_cancel,
};
#else
static const psj_job_type g_probe_job_type = {
    sizeof(psj_job_type), PSJ_CAP_TEST_CONNECTION, "polysync.probe-job",  "Probe Job", NULL, NULL, NULL,
    probe_create,         probe_destroy,           probe_test_connection, NULL,        NULL, NULL, NULL,
};
#endif

static int32_t probe_init(const psj_host* host, const char* plugin_path, uint32_t effective_minor) {
  (void)host;
  (void)plugin_path;
  g_effective_minor = effective_minor;
  return PSJ_OK;
}

static void probe_deinit(void) {}

static uint32_t probe_job_type_count(void) { return 1; }

static const psj_job_type* probe_job_type_at(uint32_t index) { return index == 0 ? &g_probe_job_type : NULL; }

static const psj_plugin_entry g_entry = {
    PROBE_ENTRY_SIZE, PROBE_ABI_MAJOR, PROBE_ABI_MINOR, PROBE_MIN_HOST_MINOR, "polysync.probe",
    "1.0.0",          probe_init,      probe_deinit,    probe_job_type_count, probe_job_type_at,
};

#ifdef PROBE_NO_ENTRY
/* Keeps the table referenced so the compiler does not warn; nothing is exported. */
const psj_plugin_entry* probe_hidden_entry(void);
const psj_plugin_entry* probe_hidden_entry(void) { return &g_entry; }
#else
PSJ_EXPORT const psj_plugin_entry* polysync_jobtype_v1_entry(void) { return &g_entry; }
#endif
