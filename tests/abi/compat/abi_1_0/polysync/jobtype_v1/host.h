/*
 * polysync_jobtype_v1 — the services the host offers a plugin.
 *
 * The host hands psj_host to psj_plugin_entry.init(). The table and everything it points to stay valid
 * until deinit() returns. Every function in it may be called from any thread, at any time between init()
 * and deinit(), including concurrently. A host service never calls back into the plugin.
 */
#ifndef POLYSYNC_JOBTYPE_V1_HOST_H
#define POLYSYNC_JOBTYPE_V1_HOST_H

#include "base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct psj_host psj_host;

struct psj_host {
  uint32_t struct_size;
  uint32_t abi_minor;       /* the host's highest minor version */
  const char* host_name;    /* e.g. "polysync-host-stub"; static for the host's lifetime */
  const char* host_version; /* e.g. "1.4.2" */
  void* host_data;          /* the host's own; the plugin never touches it */

  /* Returns nonzero when messages at `level` (PSJ_LOG_*) would be recorded, so a plugin can skip building
   * expensive messages. Any thread. */
  int32_t (*log_enabled)(const psj_host* host, int32_t level);

  /* Records one log line. The host copies `message` (`len` bytes, UTF-8, no trailing newline needed) before
   * returning. The plugin must never pass a secret. Any thread. Never fails. */
  void (*log)(const psj_host* host, int32_t level, const char* message, uint64_t len);

  /* Looks up an optional, versioned service by id (e.g. PSJ_EXT_TOKEN_PROVIDER). Returns a pointer to a
   * host-owned struct valid until deinit(), or NULL when the host does not offer it. The struct's own
   * struct_size says which of its fields exist. Any thread. */
  const void* (*get_extension)(const psj_host* host, const char* id);
};

/* ---- Extension: the host's own identity ---------------------------------------------------------------
 * "Polysync Service Principal" sign-in: the host signs in with its own identity and hands the plugin an
 * access token for a scope. The plugin caches the token until shortly before expires_on_unix_s. */
#define PSJ_EXT_TOKEN_PROVIDER "polysync.token_provider/1"

/* Filled by the plugin, called by the host: receives the token (or the error) synchronously, copying it. */
typedef struct psj_token_sink {
  uint32_t struct_size;
  void* plugin_data; /* the plugin's own; the host passes the sink back unchanged */
  /* The token and its expiry (Unix seconds; 0 = unknown, the plugin then assumes one hour). */
  void (*set_token)(const struct psj_token_sink* sink, const char* token, uint64_t len, int64_t expires_on_unix_s);
} psj_token_sink;

typedef struct psj_token_provider {
  uint32_t struct_size;
  /* Obtains a token for `scope` (e.g. "https://management.azure.com/.default"); `tenant_id` may be NULL.
   * On success returns PSJ_OK after calling sink->set_token exactly once. On failure returns
   * PSJ_E_AUTHENTICATION (or PSJ_E_UNAVAILABLE when the host cannot reach its identity provider right now)
   * and writes a one-line reason, never a secret, into `error` (up to error_capacity bytes, NUL-terminated).
   * Blocks at most a few seconds. Any thread, concurrently. */
  int32_t (*get_token)(const psj_host* host, const char* scope, const char* tenant_id, const psj_token_sink* sink,
                       char* error, uint64_t error_capacity);
} psj_token_provider;

#ifdef __cplusplus
}
#endif
#endif /* POLYSYNC_JOBTYPE_V1_HOST_H */
