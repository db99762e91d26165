/*
 * polysync_jobtype_v1 — a job type: its descriptor, its instances and its callbacks.
 *
 * A job type is a static, const descriptor. The host copies its metadata after init(). An instance is one
 * platform connection: created from validated, immutable settings; the host creates a new instance to change
 * them. Threading ("threading classes"):
 *   - create, test_connection, import_jobs, run, poll and cancel are thread-safe, also concurrently on one
 *     instance (the scheduler polls many runs at once);
 *   - destroy is called only when no other call on that instance is in flight, and nothing is called on the
 *     instance afterwards.
 * Every callback returns PSJ_OK or an error code; on error it has called ctx->set_error with the same code.
 * No callback lets a C++ exception (or any unwinding) escape. Every pointer argument is non-NULL unless
 * stated; a plugin still returns PSJ_E_INVALID_ARGUMENT rather than crash if a host breaks that rule.
 */
#ifndef POLYSYNC_JOBTYPE_V1_JOB_TYPE_H
#define POLYSYNC_JOBTYPE_V1_JOB_TYPE_H

#include "base.h"
#include "call_context.h"
#include "sinks.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An opaque platform connection, owned by the plugin from create() until destroy(). */
typedef struct psj_instance psj_instance;

/* psj_job_type.capabilities */
#define PSJ_CAP_TEST_CONNECTION 0x1u
#define PSJ_CAP_IMPORT 0x2u
#define PSJ_CAP_CANCEL 0x4u
#define PSJ_CAP_OUTPUTS 0x8u         /* poll writes Output parameters back */
#define PSJ_CAP_IDEMPOTENT_RUN 0x10u /* run honours psj_run_request.idempotency_key (exactly-once submission) */
#define PSJ_CAP_STATELESS_POLL 0x20u /* poll/cancel need only the run id: they work across processes and restarts */
#define PSJ_CAP_PROGRESS 0x40u       /* since 1.1: poll reports step progress (psj_status_sink.set_progress) */

/* What import_jobs should look for. Borrowed for the call. */
typedef struct psj_import_request {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  psj_str filter;    /* job-type specific narrowing (for Azure ML pipelines: a tag key); empty = none */
} psj_import_request;

/* One submission. Borrowed for the call. */
typedef struct psj_run_request {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  psj_str external_id;  /* the imported job's external id */
  psj_str display_name; /* the Polysync name of this run */
  /* The same on every retry of one logical submission; empty when the host gives none. A job type with
   * PSJ_CAP_IDEMPOTENT_RUN returns the existing run instead of submitting a second one. */
  psj_str idempotency_key;
  const psj_kv* const* attributes; /* job attributes (how to run), attribute_count entries */
  uint64_t attribute_count;
  const psj_parameter* const* parameters; /* parameter values of this run, parameter_count entries */
  uint64_t parameter_count;
} psj_run_request;

/* Which run to poll or cancel. Borrowed for the call. */
typedef struct psj_run_ref {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  psj_str run_id;    /* as set by run() — possibly by another process, or before a restart */
  /* The run's parameters (as passed to run); Output and Input&Output ones name the outputs to write back.
   * May be empty: the plugin then reports every output under its own name. */
  const psj_parameter* const* parameters;
  uint64_t parameter_count;
} psj_run_ref;

typedef struct psj_job_type psj_job_type;

struct psj_job_type {
  uint32_t struct_size;
  uint32_t capabilities;    /* PSJ_CAP_* */
  const char* id;           /* stable machine id, e.g. "azure.aifoundry.pipeline-job" */
  const char* display_name; /* e.g. "AI Foundry Pipeline Job" */
  /* JSON Schemas (draft 2020-12 text) of the connection settings, the job attributes and the parameters.
   * Property names are the Polysync attribute names. May be NULL. */
  const char* settings_schema_json;
  const char* attributes_schema_json;
  const char* parameters_schema_json;

  /* Creates a platform connection from `settings` (borrowed; secrets flagged PSJ_KV_SECRET). The plugin
   * copies what it keeps. Validates the settings without network access; returns PSJ_E_INVALID_SETTINGS
   * naming the setting (never its value) when one is missing or malformed. On PSJ_OK *out_instance is set.
   * Any thread, concurrently. */
  int32_t (*create)(const psj_job_type* job_type, const psj_kv* const* settings, uint64_t setting_count,
                    const psj_call_context* ctx, psj_instance** out_instance);

  /* Destroys an instance: frees it and wipes the secrets it holds. Only when no call on it is in flight.
   * Never fails; NULL is ignored. */
  void (*destroy)(psj_instance* instance);

  /* Signs in and reads the platform; on PSJ_OK it may describe what it checked via `result`. On failure it
   * says which it is: bad credentials (PSJ_E_AUTHENTICATION), no permission (PSJ_E_PERMISSION), not found
   * (PSJ_E_NOT_FOUND), network or TLS (PSJ_E_UNAVAILABLE). Thread-safe. */
  int32_t (*test_connection)(psj_instance* instance, const psj_call_context* ctx, const psj_text_sink* result);

  /* Lists the platform's jobs, calling sink->emit_job once per job as it goes (memory must not grow with
   * the number of jobs). Thread-safe. */
  int32_t (*import_jobs)(psj_instance* instance, const psj_call_context* ctx, const psj_import_request* request,
                         const psj_import_sink* sink);

  /* Submits one run. On PSJ_OK it has called sink->set_run_id. Validates parameters before submitting
   * anything (PSJ_E_INVALID_ARGUMENT / PSJ_E_NOT_FOUND). Thread-safe. */
  int32_t (*run)(psj_instance* instance, const psj_call_context* ctx, const psj_run_request* request,
                 const psj_run_sink* sink);

  /* Reads a run's status. On PSJ_OK it has called sink->set_state; on a terminal state it also reports the
   * outputs and, for failures, a non-empty message. Thread-safe; stateless (needs only the run id). */
  int32_t (*poll)(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                  const psj_status_sink* sink);

  /* Asks the provider to cancel a run and reports the status that follows (a live state while the
   * cancellation is under way, or the final state of a run that had already ended). An unknown run id is
   * PSJ_E_NOT_FOUND. Thread-safe; stateless. */
  int32_t (*cancel)(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                    const psj_status_sink* sink);
};

#ifdef __cplusplus
}
#endif
#endif /* POLYSYNC_JOBTYPE_V1_JOB_TYPE_H */
