/*
 * polysync_jobtype_v1 — result sinks: how a plugin hands results to the host.
 *
 * A sink is a host-owned struct passed into a callback. The plugin calls its functions only during that
 * callback, from the calling thread (or from threads it joins before returning), never afterwards. Every
 * sink function copies what it is given before it returns, so the plugin may pass pointers to temporaries.
 * Sink functions never fail and never call back into the plugin.
 */
#ifndef POLYSYNC_JOBTYPE_V1_SINKS_H
#define POLYSYNC_JOBTYPE_V1_SINKS_H

#include "base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Import -------------------------------------------------------------------------------------------- */

/* psj_parameter_schema.flags */
#define PSJ_SCHEMA_HAS_DEFAULT 0x1u      /* default_value is meaningful (an empty default is still a default) */
#define PSJ_SCHEMA_NOT_OVERRIDABLE 0x2u  /* listed for information; a run may not set it (e.g. a data asset) */

/* One parameter of an imported job's schema. Filled by the plugin; the host copies it. */
typedef struct psj_parameter_schema {
  uint32_t struct_size;
  int32_t direction; /* PSJ_DIRECTION_* */
  int32_t data_type; /* PSJ_TYPE_* */
  uint32_t flags;    /* PSJ_SCHEMA_* */
  psj_str name;
  psj_str default_value;
  psj_str description;
} psj_parameter_schema;

/* One job found on the platform. Filled by the plugin; the host copies it. */
typedef struct psj_imported_job {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  psj_str external_id; /* the provider's stable id of the job; handed back to run() */
  psj_str name;
  psj_str description;
  psj_str job_type; /* the job type's display name, e.g. "AI Foundry Pipeline Job" */
  const psj_parameter_schema* const* parameters;
  uint64_t parameter_count;
} psj_imported_job;

typedef struct psj_import_sink {
  uint32_t struct_size;
  void* host_data;
  /* Hands one job to the host, which copies it. Returns 0 to go on, nonzero when the host wants no more
   * jobs: the plugin then stops and returns PSJ_OK. Jobs are streamed: emit each as soon as it is known. */
  int32_t (*emit_job)(const struct psj_import_sink* sink, const psj_imported_job* job);
} psj_import_sink;

/* ---- Run ----------------------------------------------------------------------------------------------- */

typedef struct psj_run_sink {
  uint32_t struct_size;
  void* host_data;
  /* The new run's id: opaque, persistable, at most 1024 bytes. Required before run() returns PSJ_OK. */
  void (*set_run_id)(const struct psj_run_sink* sink, const char* run_id, uint64_t len);
  /* A URL where a person can watch the run. Optional. */
  void (*set_monitor_url)(const struct psj_run_sink* sink, const char* url, uint64_t len);
} psj_run_sink;

/* ---- Status (poll and cancel) -------------------------------------------------------------------------- */

typedef struct psj_status_sink {
  uint32_t struct_size;
  void* host_data;
  /* The banded state (PSJ_STATE_*) and the provider's raw status text (e.g. "CancelRequested").
   * Required before poll() or cancel() returns PSJ_OK. */
  void (*set_state)(const struct psj_status_sink* sink, int32_t state, const char* raw_status, uint64_t len);
  /* Start and end time in Unix milliseconds (UTC), each only when known. Optional. */
  void (*set_start_time)(const struct psj_status_sink* sink, int64_t unix_ms);
  void (*set_end_time)(const struct psj_status_sink* sink, int64_t unix_ms);
  /* A human-readable message; for PSJ_STATE_FAILED it says why and is never empty. */
  void (*set_message)(const struct psj_status_sink* sink, const char* message, uint64_t len);
  /* One output value to write back to the run's parameters (on terminal states). Called once per output. */
  void (*add_output)(const struct psj_status_sink* sink, const char* name, uint64_t name_len, const char* value,
                     uint64_t value_len);
  /* A URL where a person can watch the run. Optional. */
  void (*set_monitor_url)(const struct psj_status_sink* sink, const char* url, uint64_t len);
  /* A hint of when to poll next, in milliseconds from now (e.g. slower for old runs or under throttling). */
  void (*set_next_poll_ms)(const struct psj_status_sink* sink, int64_t ms);
} psj_status_sink;

/* ---- Text (test_connection) ---------------------------------------------------------------------------- */

typedef struct psj_text_sink {
  uint32_t struct_size;
  void* host_data;
  void (*set_text)(const struct psj_text_sink* sink, const char* text, uint64_t len);
} psj_text_sink;

#ifdef __cplusplus
}
#endif
#endif /* POLYSYNC_JOBTYPE_V1_SINKS_H */
