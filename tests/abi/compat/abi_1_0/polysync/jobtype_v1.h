/*
 * polysync_jobtype_v1 — the C ABI between the Polysync runtime (the host) and job-type plugins.
 *
 * A plugin is a shared library that exports exactly one symbol, polysync_jobtype_v1_entry, and ships a JSON
 * manifest beside it (manifests/), which the host reads before it loads any code. Lifecycle:
 *
 *   host                                              plugin
 *   ----                                              ------
 *   read manifest, dlopen (RTLD_NOW|RTLD_LOCAL)
 *   entry = polysync_jobtype_v1_entry()       --->    returns a pointer to a static const psj_plugin_entry
 *   check struct_size, abi_major, min_host_minor
 *   entry->init(host, path, effective_minor)  --->    keeps `host`; no other work in static constructors
 *   entry->job_type_count()/job_type_at(i)    --->    static const descriptors; the host copies metadata
 *   job_type->create(settings) ... callbacks ... destroy(instance)
 *   entry->deinit()                           --->    releases everything; nothing may run afterwards
 *   (a production host keeps the library loaded for the life of the process)
 *
 * Versioning: the major version is in the symbol's name and must match. Minors only append. The effective
 * minor is the lower of the host's (psj_host.abi_minor) and the plugin's (psj_plugin_entry.abi_minor); the
 * host refuses a plugin whose min_host_minor is above its own.
 *
 * See base.h for the rules that hold for every struct (struct_size, ownership, strings).
 */
#ifndef POLYSYNC_JOBTYPE_V1_H
#define POLYSYNC_JOBTYPE_V1_H

#include "jobtype_v1/base.h"
#include "jobtype_v1/call_context.h"
#include "jobtype_v1/host.h"
#include "jobtype_v1/job_type.h"
#include "jobtype_v1/sinks.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct psj_plugin_entry {
  uint32_t struct_size;
  uint32_t abi_major;      /* PSJ_ABI_MAJOR: must equal the host's */
  uint32_t abi_minor;      /* the highest minor the plugin implements */
  uint32_t min_host_minor; /* the lowest host minor the plugin can work with */
  const char* plugin_id;      /* e.g. "polysync.aifoundry"; must match the manifest */
  const char* plugin_version; /* semantic version, e.g. "0.1.0"; must match the manifest */

  /* Called once, alone, on the host's control thread, before anything else but reading this struct.
   * `host` stays valid until deinit() returns; `plugin_path` is the library's absolute path (borrowed).
   * `effective_minor` is the minor both sides agreed on: the plugin uses no feature newer than it.
   * Returns PSJ_OK, or an error code after logging one line through host->log saying why. */
  int32_t (*init)(const psj_host* host, const char* plugin_path, uint32_t effective_minor);

  /* Called once, alone, on the host's control thread, after every instance has been destroyed. Stops every
   * thread the plugin started. Never fails. The plugin changes no process-wide state here either. */
  void (*deinit)(void);

  /* The job types this plugin registers. Valid between init() and deinit(); the descriptors are static and
   * const. job_type_at returns NULL for an index out of range. Control thread. */
  uint32_t (*job_type_count)(void);
  const psj_job_type* (*job_type_at)(uint32_t index);
} psj_plugin_entry;

/* The one exported symbol. Returns a pointer to a static const struct; never NULL, never fails, does no
 * work (safe to call before init and more than once). Any thread. */
PSJ_EXPORT const psj_plugin_entry* polysync_jobtype_v1_entry(void);

typedef const psj_plugin_entry* (*psj_entry_fn)(void);

#ifdef __cplusplus
}
#endif
#endif /* POLYSYNC_JOBTYPE_V1_H */
