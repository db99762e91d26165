/*
 * polysync_jobtype_manifest LIBRARY OUTPUT: writes the manifest of a built plugin, read from its own
 * descriptor through the ABI, so that the manifest can never disagree with the code (the host refuses a
 * plugin whose manifest does).
 *
 * It loads LIBRARY (RTLD_NOW | RTLD_LOCAL), checks the entry as a host does (struct size, ABI major), calls
 * init() with a minimal host table (log lines go to stderr; no extensions), reads the job types, calls
 * deinit() and writes OUTPUT: manifestVersion 1, the entry's id, version and ABI minors, the library's file
 * name and each job type's id and display name (plugin_api/manifest.schema.json). Exit code 0, or 1 with
 * one line on stderr.
 *
 * Plain C99 (it also compiles as C++) and libdl only: polysync_jobtype_plugin(... MANIFEST ...) builds it in
 * the plugin author's own project, which may have nothing but a C or a C++ compiler.
 */
#if !defined(_GNU_SOURCE) && !defined(_XOPEN_SOURCE)
#define _XOPEN_SOURCE 700 /* realpath() under -std=c99 */
#endif
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "polysync/jobtype_v1.h"

static int32_t manifest_log_enabled(const psj_host* host, int32_t level) {
  (void)host;
  return level >= PSJ_LOG_WARN;
}

static void manifest_log(const psj_host* host, int32_t level, const char* message, uint64_t len) {
  (void)host;
  if (level >= PSJ_LOG_WARN && message != NULL) {
    fprintf(stderr, "polysync_jobtype_manifest: plugin says: %.*s\n", (int)len, message);
  }
}

static const void* manifest_get_extension(const psj_host* host, const char* id) {
  (void)host;
  (void)id;
  return NULL;
}

/* Writes `text` as a JSON string: quotes, backslashes and control bytes escaped; other bytes as they are. */
static void write_json_string(FILE* out, const char* text) {
  const unsigned char* p = (const unsigned char*)text;
  fputc('"', out);
  for (; *p != '\0'; ++p) {
    if (*p == '"' || *p == '\\') {
      fputc('\\', out);
      fputc(*p, out);
    } else if (*p < 0x20) {
      fprintf(out, "\\u%04x", (unsigned)*p);
    } else {
      fputc(*p, out);
    }
  }
  fputc('"', out);
}

static const char* file_name(const char* path) {
  const char* slash = strrchr(path, '/');
  return slash != NULL ? slash + 1 : path;
}

static int fail(const char* library, const char* what) {
  fprintf(stderr, "polysync_jobtype_manifest: %s: %s\n", library, what);
  return 1;
}

int main(int argc, char** argv) {
  const char* library;
  const char* output;
  char* absolute;
  void* handle;
  void* symbol;
  psj_entry_fn entry_fn;
  const psj_plugin_entry* entry;
  psj_host host;
  uint32_t effective, count, i;
  FILE* out;

  if (argc != 3) {
    fprintf(stderr, "usage: polysync_jobtype_manifest LIBRARY OUTPUT\n");
    return 2;
  }
  library = argv[1];
  output = argv[2];
  absolute = realpath(library, NULL);
  if (absolute == NULL) return fail(library, "no such file; build the plugin first");
  handle = dlopen(absolute, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    fprintf(stderr, "polysync_jobtype_manifest: %s: cannot be loaded: %s\n", library, dlerror());
    free(absolute);
    return 1;
  }
  symbol = dlsym(handle, PSJ_ENTRY_SYMBOL);
  if (symbol == NULL) return fail(library, "it does not export " PSJ_ENTRY_SYMBOL);
  memcpy(&entry_fn, &symbol, sizeof entry_fn); /* object to function pointer, without a cast C forbids */
  entry = entry_fn();
  if (entry == NULL) return fail(library, PSJ_ENTRY_SYMBOL "() returned NULL");
  if (entry->struct_size < sizeof(psj_plugin_entry)) return fail(library, "its entry struct is truncated");
  if (entry->abi_major != PSJ_ABI_MAJOR) return fail(library, "it implements another ABI major");
  if (entry->plugin_id == NULL || entry->plugin_version == NULL || entry->init == NULL ||
      entry->deinit == NULL || entry->job_type_count == NULL || entry->job_type_at == NULL) {
    return fail(library, "its entry lacks the id, the version or a function");
  }

  memset(&host, 0, sizeof host);
  host.struct_size = sizeof host;
  host.abi_minor = PSJ_ABI_MINOR;
  host.host_name = "polysync_jobtype_manifest";
  host.host_version = "1";
  host.log_enabled = manifest_log_enabled;
  host.log = manifest_log;
  host.get_extension = manifest_get_extension;
  effective = entry->abi_minor > (uint32_t)PSJ_ABI_MINOR ? (uint32_t)PSJ_ABI_MINOR : entry->abi_minor;
  if (entry->init(&host, absolute, effective) != PSJ_OK) return fail(library, "its init() failed");

  count = entry->job_type_count();
  for (i = 0; i < count; ++i) {
    const psj_job_type* job_type = entry->job_type_at(i);
    if (job_type == NULL || job_type->id == NULL || job_type->display_name == NULL) {
      entry->deinit();
      return fail(library, "a job type is NULL or has no id or display name");
    }
  }
  if (count == 0) {
    entry->deinit();
    return fail(library, "it registers no job type");
  }

  out = fopen(output, "w");
  if (out == NULL) {
    entry->deinit();
    fprintf(stderr, "polysync_jobtype_manifest: cannot write %s\n", output);
    return 1;
  }
  fprintf(out, "{\n  \"manifestVersion\": 1,\n  \"id\": ");
  write_json_string(out, entry->plugin_id);
  fprintf(out, ",\n  \"version\": ");
  write_json_string(out, entry->plugin_version);
  fprintf(out, ",\n  \"library\": ");
  write_json_string(out, file_name(absolute));
  fprintf(out, ",\n  \"abi\": {\"major\": %u, \"minor\": %u, \"minHostMinor\": %u},\n  \"jobTypes\": [",
          (unsigned)entry->abi_major, (unsigned)entry->abi_minor, (unsigned)entry->min_host_minor);
  for (i = 0; i < count; ++i) {
    const psj_job_type* job_type = entry->job_type_at(i);
    fprintf(out, "%s\n    {\"id\": ", i == 0 ? "" : ",");
    write_json_string(out, job_type->id);
    fprintf(out, ", \"displayName\": ");
    write_json_string(out, job_type->display_name);
    fputc('}', out);
  }
  fprintf(out, "\n  ]\n}\n");
  entry->deinit(); /* the library stays loaded: a plugin's threads may outlive an early dlclose */
  free(absolute);
  if (fclose(out) != 0) {
    fprintf(stderr, "polysync_jobtype_manifest: cannot write %s\n", output);
    remove(output);
    return 1;
  }
  return 0;
}
