/* The frozen LP64 layout of polysync_jobtype_v1, written once and checked by C11 (layout_c11.c) and C++17
 * (LayoutTest.cpp). Define PSJ_LAYOUT_ASSERT(cond, what) before expanding PSJ_LAYOUT_CHECKS. */
#ifndef POLYSYNC_TESTS_LAYOUT_EXPECTATIONS_H
#define POLYSYNC_TESTS_LAYOUT_EXPECTATIONS_H

#include <stddef.h>

#include "polysync/jobtype_v1.h"

// One struct per line, as the header lays it out.
// clang-format off
#define PSJ_SIZE(type, n) PSJ_LAYOUT_ASSERT(sizeof(type) == (n), "sizeof(" #type ") changed");
#define PSJ_AT(type, field, n) PSJ_LAYOUT_ASSERT(offsetof(type, field) == (n), #type "." #field " moved");

#define PSJ_LAYOUT_CHECKS                                                                                  \
  PSJ_LAYOUT_ASSERT(sizeof(void*) == 8 && sizeof(uint64_t) == 8, "these expectations are for LP64");     \
  PSJ_SIZE(psj_str, 16) PSJ_AT(psj_str, data, 0) PSJ_AT(psj_str, len, 8)                                  \
  PSJ_SIZE(psj_kv, 40) PSJ_AT(psj_kv, struct_size, 0) PSJ_AT(psj_kv, flags, 4) PSJ_AT(psj_kv, key, 8)      \
  PSJ_AT(psj_kv, value, 24)                                                                               \
  PSJ_SIZE(psj_parameter, 48) PSJ_AT(psj_parameter, direction, 4) PSJ_AT(psj_parameter, data_type, 8)     \
  PSJ_AT(psj_parameter, flags, 12) PSJ_AT(psj_parameter, name, 16) PSJ_AT(psj_parameter, value, 32)       \
  PSJ_SIZE(psj_host, 56) PSJ_AT(psj_host, abi_minor, 4) PSJ_AT(psj_host, host_name, 8)                    \
  PSJ_AT(psj_host, host_version, 16) PSJ_AT(psj_host, host_data, 24) PSJ_AT(psj_host, log_enabled, 32)    \
  PSJ_AT(psj_host, log, 40) PSJ_AT(psj_host, get_extension, 48)                                           \
  PSJ_SIZE(psj_token_sink, 24) PSJ_AT(psj_token_sink, plugin_data, 8) PSJ_AT(psj_token_sink, set_token, 16) \
  PSJ_SIZE(psj_token_provider, 16) PSJ_AT(psj_token_provider, get_token, 8)                               \
  PSJ_SIZE(psj_call_context, 56) PSJ_AT(psj_call_context, host_data, 8)                                   \
  PSJ_AT(psj_call_context, remaining_ms, 16) PSJ_AT(psj_call_context, is_interrupted, 24)                 \
  PSJ_AT(psj_call_context, set_interrupt_handler, 32) PSJ_AT(psj_call_context, set_error, 40)             \
  PSJ_AT(psj_call_context, set_retry_after_ms, 48)                                                        \
  PSJ_SIZE(psj_parameter_schema, 64) PSJ_AT(psj_parameter_schema, direction, 4)                           \
  PSJ_AT(psj_parameter_schema, data_type, 8) PSJ_AT(psj_parameter_schema, flags, 12)                      \
  PSJ_AT(psj_parameter_schema, name, 16) PSJ_AT(psj_parameter_schema, default_value, 32)                  \
  PSJ_AT(psj_parameter_schema, description, 48)                                                           \
  PSJ_SIZE(psj_imported_job, 88) PSJ_AT(psj_imported_job, reserved, 4)                                    \
  PSJ_AT(psj_imported_job, external_id, 8) PSJ_AT(psj_imported_job, name, 24)                             \
  PSJ_AT(psj_imported_job, description, 40) PSJ_AT(psj_imported_job, job_type, 56)                        \
  PSJ_AT(psj_imported_job, parameters, 72) PSJ_AT(psj_imported_job, parameter_count, 80)                  \
  PSJ_SIZE(psj_import_sink, 24) PSJ_AT(psj_import_sink, host_data, 8) PSJ_AT(psj_import_sink, emit_job, 16) \
  PSJ_SIZE(psj_run_sink, 32) PSJ_AT(psj_run_sink, set_run_id, 16) PSJ_AT(psj_run_sink, set_monitor_url, 24) \
  PSJ_SIZE(psj_status_sink, 80) PSJ_AT(psj_status_sink, host_data, 8) PSJ_AT(psj_status_sink, set_state, 16) \
  PSJ_AT(psj_status_sink, set_start_time, 24) PSJ_AT(psj_status_sink, set_end_time, 32)                   \
  PSJ_AT(psj_status_sink, set_message, 40) PSJ_AT(psj_status_sink, add_output, 48)                        \
  PSJ_AT(psj_status_sink, set_monitor_url, 56) PSJ_AT(psj_status_sink, set_next_poll_ms, 64)              \
  /* 1.1: appended after the 1.0 end (72), so a 1.0 sink's struct_size stops right before it */          \
  PSJ_AT(psj_status_sink, set_progress, 72)                                                               \
  PSJ_SIZE(psj_progress, 40) PSJ_AT(psj_progress, steps_total, 4) PSJ_AT(psj_progress, steps_completed, 8) \
  PSJ_AT(psj_progress, steps_running, 12) PSJ_AT(psj_progress, steps_failed, 16)                          \
  PSJ_AT(psj_progress, steps_skipped, 20) PSJ_AT(psj_progress, running, 24)                               \
  PSJ_AT(psj_progress, running_count, 32)                                                                 \
  PSJ_SIZE(psj_text_sink, 24) PSJ_AT(psj_text_sink, set_text, 16)                                         \
  PSJ_SIZE(psj_import_request, 24) PSJ_AT(psj_import_request, filter, 8)                                  \
  PSJ_SIZE(psj_run_request, 88) PSJ_AT(psj_run_request, external_id, 8)                                   \
  PSJ_AT(psj_run_request, display_name, 24) PSJ_AT(psj_run_request, idempotency_key, 40)                  \
  PSJ_AT(psj_run_request, attributes, 56) PSJ_AT(psj_run_request, attribute_count, 64)                    \
  PSJ_AT(psj_run_request, parameters, 72) PSJ_AT(psj_run_request, parameter_count, 80)                    \
  PSJ_SIZE(psj_run_ref, 40) PSJ_AT(psj_run_ref, run_id, 8) PSJ_AT(psj_run_ref, parameters, 24)            \
  PSJ_AT(psj_run_ref, parameter_count, 32)                                                                \
  PSJ_SIZE(psj_job_type, 104) PSJ_AT(psj_job_type, capabilities, 4) PSJ_AT(psj_job_type, id, 8)           \
  PSJ_AT(psj_job_type, display_name, 16) PSJ_AT(psj_job_type, settings_schema_json, 24)                   \
  PSJ_AT(psj_job_type, attributes_schema_json, 32) PSJ_AT(psj_job_type, parameters_schema_json, 40)       \
  PSJ_AT(psj_job_type, create, 48) PSJ_AT(psj_job_type, destroy, 56) PSJ_AT(psj_job_type, test_connection, 64) \
  PSJ_AT(psj_job_type, import_jobs, 72) PSJ_AT(psj_job_type, run, 80) PSJ_AT(psj_job_type, poll, 88)      \
  PSJ_AT(psj_job_type, cancel, 96)                                                                        \
  PSJ_SIZE(psj_plugin_entry, 64) PSJ_AT(psj_plugin_entry, abi_major, 4) PSJ_AT(psj_plugin_entry, abi_minor, 8) \
  PSJ_AT(psj_plugin_entry, min_host_minor, 12) PSJ_AT(psj_plugin_entry, plugin_id, 16)                    \
  PSJ_AT(psj_plugin_entry, plugin_version, 24) PSJ_AT(psj_plugin_entry, init, 32)                         \
  PSJ_AT(psj_plugin_entry, deinit, 40) PSJ_AT(psj_plugin_entry, job_type_count, 48)                       \
  PSJ_AT(psj_plugin_entry, job_type_at, 56)

// clang-format on
#endif
