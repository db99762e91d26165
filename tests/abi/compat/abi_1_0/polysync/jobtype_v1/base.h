/*
 * polysync_jobtype_v1 — base types shared by every part of the ABI.
 *
 * Rules that hold for every struct in this ABI (see plugin_api/README.md):
 *  - Every struct starts with `uint32_t struct_size`, written by the side that fills the struct.
 *    Fields are only ever appended. A reader tests a field added after 1.0 with PSJ_HAS() before reading it.
 *  - Inside structs only fixed-width integers, pointers and other ABI structs appear (no C enums, bool or long),
 *    so the layout is the same for every compiler on a platform.
 *  - A NULL function pointer means "not supported".
 *  - Memory never changes hands: what the host passes in is borrowed for the duration of the call; what the
 *    plugin returns goes through host-owned sinks that copy before they return.
 *  - Strings are UTF-8, given as pointer + length, and are also NUL-terminated (data[len] == '\0').
 */
#ifndef POLYSYNC_JOBTYPE_V1_BASE_H
#define POLYSYNC_JOBTYPE_V1_BASE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version --------------------------------------------------------------------------------------- */

/* The major version is part of the entry symbol's name; a v2 plugin may export both entry points. */
#define PSJ_ABI_MAJOR 1u
/* The highest minor version this header describes. Minors only append fields, functions and codes. */
#define PSJ_ABI_MINOR 0u

/* The only exported symbol of a plugin, as a string for dlsym()/Boost.DLL. */
#define PSJ_ENTRY_SYMBOL "polysync_jobtype_v1_entry"

/* Marks the one function a plugin exports. Plugins build with -fvisibility=hidden and a version script. */
#if defined(_WIN32)
#define PSJ_EXPORT __declspec(dllexport)
#else
#define PSJ_EXPORT __attribute__((visibility("default")))
#endif

/* True when the struct at `ptr` (filled by the other side) is large enough to contain `field`.
 * Use it before reading any field that was appended after the struct's first release. */
#define PSJ_HAS(ptr, type, field) \
  ((ptr) != NULL && (ptr)->struct_size >= offsetof(type, field) + sizeof(((type*)0)->field))

/* ---- Strings and key/value lists --------------------------------------------------------------------- */

/* A borrowed UTF-8 string: `len` bytes at `data`, followed by a NUL. An absent string is {NULL, 0}. */
typedef struct psj_str {
  const char* data;
  uint64_t len;
} psj_str;

/* psj_kv.flags */
#define PSJ_KV_SECRET 0x1u /* The value is a secret: never log it, echo it, or put it in a message. */

/* One setting, attribute or option. Borrowed for the call. */
typedef struct psj_kv {
  uint32_t struct_size;
  uint32_t flags; /* PSJ_KV_* */
  psj_str key;    /* e.g. "Subscription Id" */
  psj_str value;
} psj_kv;

/* ---- Status codes: what a call returned ------------------------------------------------------------- */
/*
 * A call returns PSJ_OK or an error code and reports one copied message with psj_call_context.set_error.
 * Codes are banded so that an older peer can classify a code added later:
 *   1..99     retry later: the same call may succeed later (optionally after retry_after_ms).
 *   100..199  fix the configuration: settings, credentials or permissions are wrong; retrying will not help.
 *   200..299  permanent: this request cannot succeed as it is.
 * Any code outside these bands must be treated as PSJ_E_INTERNAL.
 */
#define PSJ_OK 0

#define PSJ_E_RATE_LIMITED 1 /* the remote service throttled us; see retry_after_ms */
#define PSJ_E_UNAVAILABLE 2  /* network failure or 5xx from the remote service */
#define PSJ_E_TIMEOUT 3      /* the call's deadline passed (also when interrupted at the deadline) */
#define PSJ_E_INTERRUPTED 4  /* the host interrupted the call before its deadline */

#define PSJ_E_INVALID_SETTINGS 100 /* a connection setting is missing or malformed (the message names it) */
#define PSJ_E_AUTHENTICATION 101   /* sign-in failed: wrong or expired credentials */
#define PSJ_E_PERMISSION 102       /* signed in, but not allowed (e.g. a missing role assignment) */

#define PSJ_E_NOT_FOUND 200        /* the job, template or run does not exist */
#define PSJ_E_INVALID_ARGUMENT 201 /* a parameter, attribute or run id is invalid */
#define PSJ_E_REJECTED 202         /* the remote service refused the request */
#define PSJ_E_UNSUPPORTED 203      /* this job type does not implement the call */
#define PSJ_E_INTERNAL 299         /* a bug or an unexpected condition */

#define PSJ_CODE_IS_RETRYABLE(c) ((c) >= 1 && (c) <= 99)
#define PSJ_CODE_IS_CONFIGURATION(c) ((c) >= 100 && (c) <= 199)
#define PSJ_CODE_IS_PERMANENT(c) ((c) >= 200 && (c) <= 299)

/* ---- Run states ------------------------------------------------------------------------------------- */
/* Live states are 0..99, terminal ones 100..199: a state added later is still classified correctly. */
#define PSJ_STATE_UNKNOWN 0
#define PSJ_STATE_STARTING 10
#define PSJ_STATE_RUNNING 20
#define PSJ_STATE_SUCCESS 100
#define PSJ_STATE_FAILED 101
#define PSJ_STATE_CANCELLED 102

#define PSJ_STATE_IS_TERMINAL(s) ((s) >= 100 && (s) <= 199)

/* ---- Log levels ------------------------------------------------------------------------------------- */
#define PSJ_LOG_TRACE 0
#define PSJ_LOG_DEBUG 1
#define PSJ_LOG_INFO 2
#define PSJ_LOG_WARN 3
#define PSJ_LOG_ERROR 4

/* ---- Parameters -------------------------------------------------------------------------------------- */
/* psj_parameter.direction. 0 (unset) behaves like Input, as in Polysync. */
#define PSJ_DIRECTION_UNSET 0
#define PSJ_DIRECTION_INPUT 1
#define PSJ_DIRECTION_OUTPUT 2
#define PSJ_DIRECTION_INPUT_OUTPUT 3 /* Polysync's "Input&Output" */

/* psj_parameter.data_type */
#define PSJ_TYPE_STRING 1
#define PSJ_TYPE_SECRET 2
#define PSJ_TYPE_INT 3
#define PSJ_TYPE_FLOAT 4
#define PSJ_TYPE_BOOL 5
#define PSJ_TYPE_JSON 6
#define PSJ_TYPE_JSON_ARRAY 7

/* psj_parameter.flags */
#define PSJ_PARAM_SECRET 0x1u /* never log or echo the value (always set for PSJ_TYPE_SECRET) */

/* A parameter value of one run, borrowed for the call. `value` is the Polysync text of the value
 * (e.g. "42", "0.5", "true", "[1,2]"); it is empty for an Output parameter. */
typedef struct psj_parameter {
  uint32_t struct_size;
  int32_t direction; /* PSJ_DIRECTION_* */
  int32_t data_type; /* PSJ_TYPE_* */
  uint32_t flags;    /* PSJ_PARAM_* */
  psj_str name;
  psj_str value;
} psj_parameter;

#ifdef __cplusplus
}
#endif
#endif /* POLYSYNC_JOBTYPE_V1_BASE_H */
