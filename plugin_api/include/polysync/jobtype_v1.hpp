/*
 * polysync_jobtype_v1.hpp — an optional, header-only C++17 layer over the C ABI in jobtype_v1.h.
 *
 * It does the ceremony every C++ job type needs, so that a job type is a class:
 *   - the boundary: no exception crosses the ABI; polysync::jobtype_v1::Error becomes its code and one-line
 *     message through set_error, any other exception PSJ_E_INTERNAL; every error return carries set_error;
 *   - the deadline rule: a call whose deadline has passed returns PSJ_E_TIMEOUT, also when the host raised
 *     the interrupt because of that deadline; PSJ_E_INTERRUPTED only for an interrupt before the deadline;
 *   - argument checks (NULL, struct_size) before the class is called, and PSJ_HAS before optional sink calls;
 *   - string views over the borrowed psj_str/psj_kv/psj_parameter lists, copied sinks;
 *   - the descriptor, the entry struct and the one exported symbol.
 *
 * A job type class T provides:
 *   static constexpr const char* id;            // e.g. "example.hello-job"
 *   static constexpr const char* display_name;  // e.g. "Hello Job"
 *   explicit T(const Settings&);                 // validate and copy the settings; no network
 *   void run(Call&, const RunRequest&, RunResult&);
 *   void poll(Call&, const RunRef&, Status&);
 * and optionally (each adds its capability bit):
 *   void cancel(Call&, const RunRef&, Status&);                         // PSJ_CAP_CANCEL
 *   std::string test_connection(Call&);                                 // PSJ_CAP_TEST_CONNECTION
 *   void import_jobs(Call&, std::string_view filter, Importer&);       // PSJ_CAP_IMPORT
 *   static constexpr uint32_t capabilities;  // further PSJ_CAP_* bits (IDEMPOTENT_RUN, STATELESS_POLL,
 * PROGRESS, OUTPUTS) static constexpr const char* settings_schema / attributes_schema / parameters_schema; //
 * JSON Schema text Every member function may be called from any thread, concurrently on one object (the host
 * polls many runs at once): guard shared state yourself. The destructor runs when the host destroys the
 * instance, never while another call on it runs.
 *
 * Then, in exactly one source file of the plugin:
 *   POLYSYNC_JOBTYPE_V1_PLUGIN("example.hello", "1.0.0", HelloJob)   // one or more job type classes
 * which defines polysync_jobtype_v1_entry(). Build it with polysync_jobtype_plugin() (CMake) or the version
 * script named by pkg-config (see plugin_api/README.md).
 */
#ifndef POLYSYNC_JOBTYPE_V1_HPP
#define POLYSYNC_JOBTYPE_V1_HPP

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "jobtype_v1.h"

// PSJ_HAS for a struct held by reference (PSJ_HAS compares the address with NULL, and GCC refuses to compare
// the address of a reference, which is never NULL).
#define POLYSYNC_JOBTYPE_V1_HAS_FIELD(ref, type, field) \
  ((ref).struct_size >= offsetof(type, field) + sizeof(((type*)0)->field))

namespace polysync::jobtype_v1 {

// ---- Errors
// ------------------------------------------------------------------------------------------------

// Throw to fail the current call with `code` (a PSJ_E_* code) and a one-line message: what went wrong and
// what to do. Never put a secret in it. retry_after_ms (>= 0) is passed on for retryable codes.
class Error : public std::exception {
 public:
  Error(int32_t code, std::string message, int64_t retry_after_ms = -1)
      : code_(code), message_(std::move(message)), retry_after_ms_(retry_after_ms) {}
  int32_t code() const noexcept { return code_; }
  int64_t retry_after_ms() const noexcept { return retry_after_ms_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  int32_t code_;
  std::string message_;
  int64_t retry_after_ms_;
};

inline std::string_view view(psj_str text) noexcept {
  return text.data != nullptr ? std::string_view(text.data, static_cast<size_t>(text.len))
                              : std::string_view();
}

// ---- Host services
// -----------------------------------------------------------------------------------------

namespace detail {
inline std::atomic<const psj_host*> g_host{nullptr};
}  // namespace detail

// One log line through the host (PSJ_LOG_*). Does nothing before init or after deinit. Never log a secret.
inline void log(int32_t level, std::string_view message) noexcept {
  const psj_host* host = detail::g_host.load(std::memory_order_acquire);
  if (host == nullptr || !PSJ_HAS(host, psj_host, log) || host->log == nullptr) return;
  if (PSJ_HAS(host, psj_host, log_enabled) && host->log_enabled != nullptr &&
      host->log_enabled(host, level) == 0)
    return;
  host->log(host, level, message.data(), message.size());
}

// The host's services table (for get_extension), or nullptr outside init..deinit.
inline const psj_host* host() noexcept { return detail::g_host.load(std::memory_order_acquire); }

// ---- Borrowed inputs
// ---------------------------------------------------------------------------------------

// The connection settings given to the constructor: borrowed for the constructor's duration, copy what you
// keep.
class Settings {
 public:
  Settings(const psj_kv* const* items, uint64_t count) noexcept : items_(items), count_(items ? count : 0) {}

  // The value of `key` (exact, case-sensitive match), or `fallback` when the setting is absent.
  std::string_view get(std::string_view key, std::string_view fallback = {}) const noexcept {
    const psj_kv* item = find(key);
    return item != nullptr ? view(item->value) : fallback;
  }
  // The value of `key`; throws Error(PSJ_E_INVALID_SETTINGS) naming the setting when it is absent or empty.
  std::string_view require(std::string_view key) const {
    const psj_kv* item = find(key);
    if (item == nullptr || item->value.len == 0)
      throw Error(PSJ_E_INVALID_SETTINGS,
                  "the connection setting '" + std::string(key) + "' is required; set it");
    return view(item->value);
  }
  bool is_secret(std::string_view key) const noexcept {
    const psj_kv* item = find(key);
    return item != nullptr && (item->flags & PSJ_KV_SECRET) != 0;
  }

 private:
  const psj_kv* find(std::string_view key) const noexcept {
    for (uint64_t i = 0; i < count_; ++i) {
      const psj_kv* item = items_[i];
      if (item != nullptr && item->struct_size >= sizeof(psj_kv) && view(item->key) == key) return item;
    }
    return nullptr;
  }
  const psj_kv* const* items_;
  uint64_t count_;
};

struct Parameter {
  std::string_view name;
  std::string_view value;  // Polysync's text of the value; empty for an Output
  int32_t direction;       // PSJ_DIRECTION_*
  int32_t data_type;       // PSJ_TYPE_*
  bool secret;             // never log or echo the value
};

// A run's parameters, borrowed for the call.
class Parameters {
 public:
  Parameters(const psj_parameter* const* items, uint64_t count) noexcept
      : items_(items), count_(items ? count : 0) {}
  uint64_t size() const noexcept { return count_; }
  // The i-th parameter; a malformed entry from the host reads as an empty String Input.
  Parameter operator[](uint64_t i) const noexcept {
    const psj_parameter* p = i < count_ ? items_[i] : nullptr;
    if (p == nullptr || p->struct_size < sizeof(psj_parameter))
      return Parameter{{}, {}, PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, false};
    const bool secret = (p->flags & PSJ_PARAM_SECRET) != 0 || p->data_type == PSJ_TYPE_SECRET;
    return Parameter{view(p->name), view(p->value), p->direction, p->data_type, secret};
  }
  // The value of the parameter `name`, or `fallback`.
  std::string_view get(std::string_view name, std::string_view fallback = {}) const noexcept {
    for (uint64_t i = 0; i < count_; ++i)
      if ((*this)[i].name == name) return (*this)[i].value;
    return fallback;
  }

 private:
  const psj_parameter* const* items_;
  uint64_t count_;
};

class RunRequest {
 public:
  explicit RunRequest(const psj_run_request& raw) noexcept
      : raw_(raw),
        attributes_(raw.attributes, raw.attribute_count),
        parameters_(raw.parameters, raw.parameter_count) {}
  std::string_view external_id() const noexcept { return view(raw_.external_id); }
  std::string_view display_name() const noexcept { return view(raw_.display_name); }
  // The same on every retry of one submission (empty when the host gives none): derive the run id from it to
  // submit exactly once.
  std::string_view idempotency_key() const noexcept { return view(raw_.idempotency_key); }
  std::string_view attribute(std::string_view name, std::string_view fallback = {}) const noexcept {
    return attributes_.get(name, fallback);
  }
  const Parameters& parameters() const noexcept { return parameters_; }

 private:
  const psj_run_request& raw_;
  Settings attributes_;
  Parameters parameters_;
};

class RunRef {
 public:
  explicit RunRef(const psj_run_ref& raw) noexcept
      : raw_(raw), parameters_(raw.parameters, raw.parameter_count) {}
  std::string_view run_id() const noexcept { return view(raw_.run_id); }
  const Parameters& parameters() const noexcept { return parameters_; }

 private:
  const psj_run_ref& raw_;
  Parameters parameters_;
};

// The call's deadline and interruption. Call check() between steps of anything long.
class Call {
 public:
  explicit Call(const psj_call_context& raw) noexcept : raw_(raw) {}
  int64_t remaining_ms() const noexcept {
    return POLYSYNC_JOBTYPE_V1_HAS_FIELD(raw_, psj_call_context, remaining_ms) && raw_.remaining_ms
               ? raw_.remaining_ms(&raw_)
               : PSJ_NO_DEADLINE;
  }
  bool interrupted() const noexcept {
    return POLYSYNC_JOBTYPE_V1_HAS_FIELD(raw_, psj_call_context, is_interrupted) && raw_.is_interrupted &&
           raw_.is_interrupted(&raw_) != 0;
  }
  // Throws Error(PSJ_E_TIMEOUT) once the deadline has passed, Error(PSJ_E_INTERRUPTED) once the host
  // interrupted the call for another reason (a shutdown, a user's cancel of the wait).
  void check() const {
    if (remaining_ms() <= 0)
      throw Error(PSJ_E_TIMEOUT, "the call's deadline passed; the host may try again later");
    if (interrupted()) throw Error(PSJ_E_INTERRUPTED, "the host interrupted the call");
  }
  // Waits up to `duration` (never past the deadline), waking as soon as the host interrupts the call, then
  // check()s: for pauses between retries or polls of a remote service.
  void sleep_for(std::chrono::milliseconds duration) const {
    struct Wake {
      std::mutex lock;
      std::condition_variable signal;
      bool interrupted = false;
    } wake;
    on_interrupt(
        [](void* data) {
          auto* w = static_cast<Wake*>(data);
          std::lock_guard<std::mutex> hold(w->lock);
          w->interrupted = true;
          w->signal.notify_all();
        },
        &wake);
    {
      const std::chrono::milliseconds left(std::max<int64_t>(0, remaining_ms()));
      std::unique_lock<std::mutex> hold(wake.lock);
      wake.signal.wait_for(hold, std::min(duration, left), [&] { return wake.interrupted; });
    }
    on_interrupt(nullptr, nullptr);  // returns once a handler running on the host's thread has finished
    check();
  }
  // Installs the handler the host runs from its own thread when it interrupts the call (nullptr removes it);
  // see psj_call_context.set_interrupt_handler. Remove it before `data` goes out of scope.
  void on_interrupt(psj_interrupt_handler handler, void* data) const noexcept {
    if (POLYSYNC_JOBTYPE_V1_HAS_FIELD(raw_, psj_call_context, set_interrupt_handler) &&
        raw_.set_interrupt_handler)
      raw_.set_interrupt_handler(&raw_, handler, data);
  }
  const psj_call_context& raw() const noexcept { return raw_; }

 private:
  const psj_call_context& raw_;
};

// ---- Results (host sinks; each copies what it is given)
// ----------------------------------------------------

class RunResult {
 public:
  explicit RunResult(const psj_run_sink& sink) noexcept : sink_(sink) {}
  // Required: the new run's id (opaque to the host, persistable, at most 1024 bytes).
  void set_run_id(std::string_view id) {
    if (id.empty() || id.size() > 1024)
      throw Error(PSJ_E_INTERNAL, "the job type produced a run id of a bad length");
    sink_.set_run_id(&sink_, id.data(), id.size());
    has_run_id_ = true;
  }
  void set_monitor_url(std::string_view url) noexcept {
    if (POLYSYNC_JOBTYPE_V1_HAS_FIELD(sink_, psj_run_sink, set_monitor_url) && sink_.set_monitor_url)
      sink_.set_monitor_url(&sink_, url.data(), url.size());
  }
  bool has_run_id() const noexcept { return has_run_id_; }

 private:
  const psj_run_sink& sink_;
  bool has_run_id_ = false;
};

// Since ABI 1.1: a run's step progress, as Status::set_progress hands it to the host (psj_progress).
struct Progress {
  uint32_t steps_total = 0;
  uint32_t steps_completed = 0;
  uint32_t steps_running = 0;
  uint32_t steps_failed = 0;
  uint32_t steps_skipped = 0;
  std::vector<std::string> running;  // display names of running steps
};

class Status {
 public:
  explicit Status(const psj_status_sink& sink) noexcept : sink_(sink) {}
  // Required: the banded state (PSJ_STATE_*) and the provider's own status text.
  void set_state(int32_t state, std::string_view raw_status) noexcept {
    sink_.set_state(&sink_, state, raw_status.data(), raw_status.size());
    state_ = state;
    has_state_ = true;
  }
  // For PSJ_STATE_FAILED: why (the boundary supplies a generic one if you give none).
  void set_message(std::string_view message) noexcept {
    if (!has(&psj_status_sink::set_message, offsetof(psj_status_sink, set_message))) return;
    sink_.set_message(&sink_, message.data(), message.size());
    has_message_ = !message.empty();
  }
  void set_start_time(int64_t unix_ms) noexcept {
    if (has(&psj_status_sink::set_start_time, offsetof(psj_status_sink, set_start_time)))
      sink_.set_start_time(&sink_, unix_ms);
  }
  void set_end_time(int64_t unix_ms) noexcept {
    if (has(&psj_status_sink::set_end_time, offsetof(psj_status_sink, set_end_time)))
      sink_.set_end_time(&sink_, unix_ms);
  }
  void add_output(std::string_view name, std::string_view value) noexcept {
    if (has(&psj_status_sink::add_output, offsetof(psj_status_sink, add_output)))
      sink_.add_output(&sink_, name.data(), name.size(), value.data(), value.size());
  }
  void set_monitor_url(std::string_view url) noexcept {
    if (has(&psj_status_sink::set_monitor_url, offsetof(psj_status_sink, set_monitor_url)))
      sink_.set_monitor_url(&sink_, url.data(), url.size());
  }
  void set_next_poll_ms(int64_t ms) noexcept {
    if (has(&psj_status_sink::set_next_poll_ms, offsetof(psj_status_sink, set_next_poll_ms)))
      sink_.set_next_poll_ms(&sink_, ms);
  }
  // Since ABI 1.1: the run's step progress. Does nothing for a 1.0 host (its sink ends before set_progress).
  // At most PSJ_PROGRESS_MAX_RUNNING_NAMES of `running` (and no more than steps_running) are passed on.
  void set_progress(const Progress& progress) noexcept {
    if (!has(&psj_status_sink::set_progress, offsetof(psj_status_sink, set_progress))) return;
    psj_str names[PSJ_PROGRESS_MAX_RUNNING_NAMES];
    size_t count = 0;
    for (const std::string& name : progress.running) {
      if (count == PSJ_PROGRESS_MAX_RUNNING_NAMES || count == progress.steps_running) break;
      names[count++] = psj_str{name.c_str(), name.size()};
    }
    psj_progress raw{};
    raw.struct_size = sizeof(psj_progress);
    raw.steps_total = progress.steps_total;
    raw.steps_completed = progress.steps_completed;
    raw.steps_running = progress.steps_running;
    raw.steps_failed = progress.steps_failed;
    raw.steps_skipped = progress.steps_skipped;
    raw.running = count > 0 ? names : nullptr;
    raw.running_count = count;
    sink_.set_progress(&sink_, &raw);
  }

  bool has_state() const noexcept { return has_state_; }
  int32_t state() const noexcept { return state_; }
  bool has_message() const noexcept { return has_message_; }

 private:
  template <class Fn>
  bool has(Fn psj_status_sink::*member, size_t offset) const noexcept {
    return sink_.struct_size >= offset + sizeof(Fn) && sink_.*member != nullptr;
  }
  const psj_status_sink& sink_;
  int32_t state_ = PSJ_STATE_UNKNOWN;
  bool has_state_ = false;
  bool has_message_ = false;
};

struct ParameterSchema {
  ParameterSchema(std::string name_, int32_t direction_ = PSJ_DIRECTION_INPUT,
                  int32_t data_type_ = PSJ_TYPE_STRING)
      : name(std::move(name_)), direction(direction_), data_type(data_type_) {}
  std::string name;
  int32_t direction;  // PSJ_DIRECTION_*
  int32_t data_type;  // PSJ_TYPE_*
  std::string default_value;
  bool has_default = false;
  bool overridable = true;
  std::string description;
};

struct ImportedJob {
  std::string external_id;
  std::string name;
  std::string description;
  std::vector<ParameterSchema> parameters;
};

class Importer {
 public:
  Importer(const psj_import_sink& sink, const char* job_type_name) noexcept
      : sink_(sink), job_type_name_(job_type_name) {}
  // Hands one job to the host (which copies it). Returns false when the host wants no more: stop and return.
  bool emit(const ImportedJob& job) {
    std::vector<psj_parameter_schema> schemas;
    schemas.reserve(job.parameters.size());
    for (const ParameterSchema& p : job.parameters) {
      uint32_t flags =
          (p.has_default ? PSJ_SCHEMA_HAS_DEFAULT : 0u) | (p.overridable ? 0u : PSJ_SCHEMA_NOT_OVERRIDABLE);
      schemas.push_back(psj_parameter_schema{sizeof(psj_parameter_schema), p.direction, p.data_type, flags,
                                             str(p.name), str(p.default_value), str(p.description)});
    }
    std::vector<const psj_parameter_schema*> pointers;
    pointers.reserve(schemas.size());
    for (const psj_parameter_schema& s : schemas) pointers.push_back(&s);
    const psj_imported_job raw{sizeof(psj_imported_job), 0,
                               str(job.external_id),     str(job.name),
                               str(job.description),     psj_str{job_type_name_, std::strlen(job_type_name_)},
                               pointers.data(),          pointers.size()};
    return sink_.emit_job(&sink_, &raw) == 0;
  }

 private:
  static psj_str str(const std::string& s) noexcept { return psj_str{s.c_str(), s.size()}; }
  const psj_import_sink& sink_;
  const char* job_type_name_;
};

// ---- The boundary
// --------------------------------------------------------------------------------------------

namespace detail {

[[noreturn]] inline void malformed(const char* what) { throw Error(PSJ_E_INVALID_ARGUMENT, what); }

inline bool well_formed(psj_str text) noexcept { return text.data != nullptr || text.len == 0; }

// A host list of settings or attributes: no NULL entries, no short structs, no strings with a length but no
// data.
inline void check_kv_list(const psj_kv* const* items, uint64_t count, const char* what) {
  if (count > 0 && items == nullptr) malformed(what);
  for (uint64_t i = 0; i < count; ++i) {
    const psj_kv* item = items[i];
    if (item == nullptr || item->struct_size < sizeof(psj_kv) || !well_formed(item->key) ||
        !well_formed(item->value))
      malformed(what);
  }
}

inline void check_parameter_list(const psj_parameter* const* items, uint64_t count) {
  if (count > 0 && items == nullptr) malformed("malformed parameter list");
  for (uint64_t i = 0; i < count; ++i) {
    const psj_parameter* item = items[i];
    if (item == nullptr || item->struct_size < sizeof(psj_parameter) || !well_formed(item->name) ||
        !well_formed(item->value))
      malformed("malformed parameter list");
  }
}

// The instances this plugin made and has not destroyed: a call on any other handle (destroyed, or never ours)
// is refused instead of touching freed or foreign memory.
struct LiveInstances {
  std::mutex lock;
  std::unordered_set<const void*> handles;
};
inline LiveInstances& live_instances() {
  static LiveInstances live;
  return live;
}
inline bool is_live(const void* handle) {
  LiveInstances& live = live_instances();
  std::lock_guard<std::mutex> hold(live.lock);
  return live.handles.count(handle) != 0;
}

inline int32_t report(const psj_call_context& ctx, int32_t code, const char* message,
                      int64_t retry_after_ms) noexcept {
  // The deadline rule: an interrupt the host raised because the deadline passed is a timeout.
  if (code == PSJ_E_INTERRUPTED && Call(ctx).remaining_ms() <= 0) code = PSJ_E_TIMEOUT;
  if (!(PSJ_CODE_IS_RETRYABLE(code) || PSJ_CODE_IS_CONFIGURATION(code) || PSJ_CODE_IS_PERMANENT(code)))
    code = PSJ_E_INTERNAL;
  if (POLYSYNC_JOBTYPE_V1_HAS_FIELD(ctx, psj_call_context, set_error) && ctx.set_error)
    ctx.set_error(&ctx, code, message, std::strlen(message));
  if (retry_after_ms >= 0 && PSJ_CODE_IS_RETRYABLE(code) &&
      POLYSYNC_JOBTYPE_V1_HAS_FIELD(ctx, psj_call_context, set_retry_after_ms) && ctx.set_retry_after_ms)
    ctx.set_retry_after_ms(&ctx, retry_after_ms);
  return code;
}

// Runs `body` and turns every way it can end into a code, with set_error on every error.
template <class Body>
int32_t guard(const psj_call_context* ctx, Body&& body) noexcept {
  // No context, or one too short to hold set_error: nowhere to report, so only the code says it.
  if (ctx == nullptr || !PSJ_HAS(ctx, psj_call_context, set_error)) return PSJ_E_INVALID_ARGUMENT;
  try {
    body(*ctx);
    return PSJ_OK;
  } catch (const Error& e) {
    return report(*ctx, e.code() == PSJ_OK ? PSJ_E_INTERNAL : e.code(), e.what(), e.retry_after_ms());
  } catch (const std::bad_alloc&) {
    return report(*ctx, PSJ_E_INTERNAL, "out of memory", -1);
  } catch (const std::exception& e) {
    return report(*ctx, PSJ_E_INTERNAL, e.what(), -1);
  } catch (...) {
    return report(*ctx, PSJ_E_INTERNAL, "the job type threw an unknown exception", -1);
  }
}

template <class T>
T& self(psj_instance* instance) {
  if (instance == nullptr || !is_live(instance))
    malformed("the instance is not live (destroyed, or never created)");
  return *reinterpret_cast<T*>(instance);
}

// Optional members of a job type class, detected at compile time.
template <class T, class = void>
struct has_cancel : std::false_type {};
template <class T>
struct has_cancel<T, std::void_t<decltype(std::declval<T&>().cancel(
                         std::declval<Call&>(), std::declval<const RunRef&>(), std::declval<Status&>()))>>
    : std::true_type {};
template <class T, class = void>
struct has_test_connection : std::false_type {};
template <class T>
struct has_test_connection<
    T, std::void_t<decltype(std::string(std::declval<T&>().test_connection(std::declval<Call&>())))>>
    : std::true_type {};
template <class T, class = void>
struct has_import : std::false_type {};
template <class T>
struct has_import<T, std::void_t<decltype(std::declval<T&>().import_jobs(
                         std::declval<Call&>(), std::string_view(), std::declval<Importer&>()))>>
    : std::true_type {};
template <class T, class = void>
struct extra_capabilities {
  static constexpr uint32_t value = 0;
};
template <class T>
struct extra_capabilities<T, std::void_t<decltype(T::capabilities)>> {
  static constexpr uint32_t value = T::capabilities;
};
template <class T, class = void>
struct settings_schema {
  static constexpr const char* value = nullptr;
};
template <class T>
struct settings_schema<T, std::void_t<decltype(T::settings_schema)>> {
  static constexpr const char* value = T::settings_schema;
};
template <class T, class = void>
struct attributes_schema {
  static constexpr const char* value = nullptr;
};
template <class T>
struct attributes_schema<T, std::void_t<decltype(T::attributes_schema)>> {
  static constexpr const char* value = T::attributes_schema;
};
template <class T, class = void>
struct parameters_schema {
  static constexpr const char* value = nullptr;
};
template <class T>
struct parameters_schema<T, std::void_t<decltype(T::parameters_schema)>> {
  static constexpr const char* value = T::parameters_schema;
};

template <class T>
int32_t create(const psj_job_type*, const psj_kv* const* settings, uint64_t count,
               const psj_call_context* ctx, psj_instance** out) noexcept {
  return guard(ctx, [&](const psj_call_context&) {
    if (out == nullptr) malformed("create() was given no place for the instance");
    *out = nullptr;
    check_kv_list(settings, count, "malformed settings list");
    auto made = std::make_unique<T>(Settings(settings, count));
    LiveInstances& live = live_instances();
    std::lock_guard<std::mutex> hold(live.lock);
    live.handles.insert(made.get());
    *out = reinterpret_cast<psj_instance*>(made.release());
  });
}

template <class T>
void destroy(psj_instance* instance) noexcept {
  try {
    {
      LiveInstances& live = live_instances();
      std::lock_guard<std::mutex> hold(live.lock);
      if (live.handles.erase(instance) == 0) return;  // NULL, already destroyed, or not ours: ignored
    }
    delete reinterpret_cast<T*>(instance);
  } catch (...) {  // a throwing destructor must not unwind into the host
  }
}

template <class T>
int32_t run(psj_instance* instance, const psj_call_context* ctx, const psj_run_request* request,
            const psj_run_sink* sink) noexcept {
  return guard(ctx, [&](const psj_call_context& c) {
    if (request == nullptr || request->struct_size < sizeof(psj_run_request) || sink == nullptr ||
        !PSJ_HAS(sink, psj_run_sink, set_run_id) || sink->set_run_id == nullptr)
      malformed("malformed run request or sink");
    if (!well_formed(request->external_id) || !well_formed(request->display_name) ||
        !well_formed(request->idempotency_key))
      malformed("malformed run request strings");
    check_kv_list(request->attributes, request->attribute_count, "malformed attribute list");
    check_parameter_list(request->parameters, request->parameter_count);
    Call call(c);
    RunResult result(*sink);
    self<T>(instance).run(call, RunRequest(*request), result);
    if (!result.has_run_id()) throw Error(PSJ_E_INTERNAL, "the job type's run() set no run id");
  });
}

template <class T, class Method>
int32_t status_call(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
                    const psj_status_sink* sink, Method method) noexcept {
  return guard(ctx, [&](const psj_call_context& c) {
    if (run == nullptr || run->struct_size < sizeof(psj_run_ref) || sink == nullptr ||
        !PSJ_HAS(sink, psj_status_sink, set_state) || sink->set_state == nullptr)
      malformed("malformed run reference or sink");
    if (!well_formed(run->run_id)) malformed("malformed run id");
    check_parameter_list(run->parameters, run->parameter_count);
    Call call(c);
    Status status(*sink);
    (self<T>(instance).*method)(call, RunRef(*run), status);
    if (!status.has_state()) throw Error(PSJ_E_INTERNAL, "the job type reported no state");
    if (status.state() == PSJ_STATE_FAILED && !status.has_message())
      status.set_message("the run failed and the job type gave no reason; see the provider's own logs");
  });
}

template <class T>
int32_t poll(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
             const psj_status_sink* sink) noexcept {
  return status_call<T>(instance, ctx, run, sink, &T::poll);
}

template <class T>
int32_t cancel(psj_instance* instance, const psj_call_context* ctx, const psj_run_ref* run,
               const psj_status_sink* sink) noexcept {
  return status_call<T>(instance, ctx, run, sink, &T::cancel);
}

template <class T>
int32_t test_connection(psj_instance* instance, const psj_call_context* ctx,
                        const psj_text_sink* result) noexcept {
  return guard(ctx, [&](const psj_call_context& c) {
    if (result == nullptr || !PSJ_HAS(result, psj_text_sink, set_text) || result->set_text == nullptr)
      malformed("malformed text sink");
    Call call(c);
    const std::string text = self<T>(instance).test_connection(call);
    result->set_text(result, text.data(), text.size());
  });
}

template <class T>
int32_t import_jobs(psj_instance* instance, const psj_call_context* ctx, const psj_import_request* request,
                    const psj_import_sink* sink) noexcept {
  return guard(ctx, [&](const psj_call_context& c) {
    if (request == nullptr || request->struct_size < sizeof(psj_import_request) || sink == nullptr ||
        !PSJ_HAS(sink, psj_import_sink, emit_job) || sink->emit_job == nullptr)
      malformed("malformed import request or sink");
    if (!well_formed(request->filter)) malformed("malformed import filter");
    Call call(c);
    Importer importer(*sink, T::display_name);
    self<T>(instance).import_jobs(call, view(request->filter), importer);
  });
}

template <class T>
constexpr uint32_t capabilities() {
  return extra_capabilities<T>::value | (has_cancel<T>::value ? PSJ_CAP_CANCEL : 0u) |
         (has_test_connection<T>::value ? PSJ_CAP_TEST_CONNECTION : 0u) |
         (has_import<T>::value ? PSJ_CAP_IMPORT : 0u);
}

template <class T>
constexpr auto cancel_fn() {
  if constexpr (has_cancel<T>::value)
    return &cancel<T>;
  else
    return static_cast<decltype(&cancel<T>)>(nullptr);
}
template <class T>
constexpr auto test_connection_fn() {
  if constexpr (has_test_connection<T>::value)
    return &test_connection<T>;
  else
    return static_cast<decltype(&test_connection<T>)>(nullptr);
}
template <class T>
constexpr auto import_fn() {
  if constexpr (has_import<T>::value)
    return &import_jobs<T>;
  else
    return static_cast<decltype(&import_jobs<T>)>(nullptr);
}

// The static, const descriptor of job type class T (constant-initialised: no work at load time).
template <class T>
inline constexpr psj_job_type descriptor = {sizeof(psj_job_type),
                                            capabilities<T>(),
                                            T::id,
                                            T::display_name,
                                            settings_schema<T>::value,
                                            attributes_schema<T>::value,
                                            parameters_schema<T>::value,
                                            &create<T>,
                                            &destroy<T>,
                                            test_connection_fn<T>(),
                                            import_fn<T>(),
                                            &run<T>,
                                            &poll<T>,
                                            cancel_fn<T>()};

template <class... Types>
struct Plugin {
  static_assert(sizeof...(Types) > 0, "POLYSYNC_JOBTYPE_V1_PLUGIN needs at least one job type class");
  static constexpr const psj_job_type* types[] = {&descriptor<Types>...};
  static uint32_t count() noexcept { return static_cast<uint32_t>(sizeof...(Types)); }
  static const psj_job_type* at(uint32_t index) noexcept {
    return index < sizeof...(Types) ? types[index] : nullptr;
  }
};

inline int32_t init(const psj_host* host, const char*, uint32_t effective_minor) noexcept {
  if (host == nullptr || !PSJ_HAS(host, psj_host, abi_minor)) return PSJ_E_INVALID_ARGUMENT;
  if (effective_minor > PSJ_ABI_MINOR || effective_minor > host->abi_minor) {
    if (PSJ_HAS(host, psj_host, log) && host->log != nullptr) {
      const char reason[] =
          "plugin refused to start: the host asked for an ABI minor newer than the plugin or host has";
      host->log(host, PSJ_LOG_ERROR, reason, sizeof reason - 1);
    }
    return PSJ_E_INVALID_ARGUMENT;
  }
  g_host.store(host, std::memory_order_release);
  return PSJ_OK;
}
inline void deinit() noexcept { g_host.store(nullptr, std::memory_order_release); }

}  // namespace detail
}  // namespace polysync::jobtype_v1

// Defines the plugin's one exported symbol for the given job type classes. Use once per plugin.
#define POLYSYNC_JOBTYPE_V1_PLUGIN(PLUGIN_ID, PLUGIN_VERSION, ...)                  \
  extern "C" PSJ_EXPORT const psj_plugin_entry* polysync_jobtype_v1_entry(void) {   \
    using polysync_plugin_ = ::polysync::jobtype_v1::detail::Plugin<__VA_ARGS__>;   \
    static const psj_plugin_entry entry = {sizeof(psj_plugin_entry),                \
                                           PSJ_ABI_MAJOR,                           \
                                           PSJ_ABI_MINOR,                           \
                                           0,                                       \
                                           PLUGIN_ID,                               \
                                           PLUGIN_VERSION,                          \
                                           &::polysync::jobtype_v1::detail::init,   \
                                           &::polysync::jobtype_v1::detail::deinit, \
                                           &polysync_plugin_::count,                \
                                           &polysync_plugin_::at};                  \
    return &entry;                                                                  \
  }

#endif /* POLYSYNC_JOBTYPE_V1_HPP */
