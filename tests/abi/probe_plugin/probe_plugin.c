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
 *
 * Its one job type, "polysync.probe-job", creates instances and reports the agreed minor through
 * test_connection ("effective minor N"); everything else is left NULL (unsupported).
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

static const psj_job_type g_probe_job_type = {
    sizeof(psj_job_type), PSJ_CAP_TEST_CONNECTION, "polysync.probe-job", "Probe Job", NULL, NULL, NULL,
    probe_create, probe_destroy, probe_test_connection, NULL, NULL, NULL, NULL,
};

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
    PROBE_ENTRY_SIZE, PROBE_ABI_MAJOR, PROBE_ABI_MINOR, PROBE_MIN_HOST_MINOR, "polysync.probe", "1.0.0",
    probe_init, probe_deinit, probe_job_type_count, probe_job_type_at,
};

#ifdef PROBE_NO_ENTRY
/* Keeps the table referenced so the compiler does not warn; nothing is exported. */
const psj_plugin_entry* probe_hidden_entry(void);
const psj_plugin_entry* probe_hidden_entry(void) { return &g_entry; }
#else
PSJ_EXPORT const psj_plugin_entry* polysync_jobtype_v1_entry(void) { return &g_entry; }
#endif
