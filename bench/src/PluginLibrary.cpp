#include "PluginLibrary.h"

#include <polysync_host/PluginLibrary.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace bench {
namespace {

// ---- the host side: as little as a host can do ------------------------------------------------------------

int32_t logEnabled(const psj_host*, int32_t) { return 0; }
void logLine(const psj_host*, int32_t, const char*, uint64_t) {}
const void* noExtension(const psj_host*, const char*) { return nullptr; }

const psj_host* hostTable() {
  static const psj_host host = [] {
    psj_host h{};
    h.struct_size = sizeof(psj_host);
    h.abi_minor = PSJ_ABI_MINOR;
    h.host_name = "polysync-bench";
    h.host_version = "0";
    h.log_enabled = logEnabled;
    h.log = logLine;
    h.get_extension = noExtension;
    return h;
  }();
  return &host;
}

// One call's context: no deadline, never interrupted; keeps the error for the exception.
struct Call {
  psj_call_context ctx{};
  int32_t code = 0;
  std::string message;

  Call() {
    ctx.struct_size = sizeof(psj_call_context);
    ctx.host_data = this;
    ctx.remaining_ms = [](const psj_call_context*) -> int64_t { return PSJ_NO_DEADLINE; };
    ctx.is_interrupted = [](const psj_call_context*) -> int32_t { return 0; };
    ctx.set_interrupt_handler = [](const psj_call_context*, psj_interrupt_handler, void*) {};
    ctx.set_error = [](const psj_call_context* c, int32_t errorCode, const char* text, uint64_t len) {
      auto* self = static_cast<Call*>(c->host_data);
      self->code = errorCode;
      self->message.assign(text, len);
    };
    ctx.set_retry_after_ms = [](const psj_call_context*, int64_t) {};
  }
  void check(int32_t rc, const char* what) const {
    if (rc != PSJ_OK)
      throw PluginError(rc, std::string(what) + " failed (" + std::to_string(rc) + "): " + message);
  }
};

psj_str str(std::string_view s) { return psj_str{s.data(), s.size()}; }

struct KvArray {
  std::vector<psj_kv> items;
  std::vector<const psj_kv*> pointers;
  explicit KvArray(const std::vector<std::pair<std::string, std::string>>& settings) {
    items.reserve(settings.size());
    for (const auto& [key, value] : settings) {
      psj_kv kv{};
      kv.struct_size = sizeof(psj_kv);
      kv.flags = key == "Client Secret" ? PSJ_KV_SECRET : 0u;
      kv.key = str(key);
      kv.value = str(value);
      items.push_back(kv);
    }
    for (const auto& kv : items) pointers.push_back(&kv);
  }
};

}  // namespace

// ---- PluginLibrary ----------------------------------------------------------------------------------------

PluginLibrary::PluginLibrary(const std::string& path) {
  try {
    entry_ = polysync::host::openPluginLibrary(path);  // the stub host's way, kept mapped
  } catch (const polysync::host::PluginLibraryError& error) {
    throw std::runtime_error("the plugin " + path + ": " + error.what());
  }
  if (entry_->abi_major != PSJ_ABI_MAJOR) throw std::runtime_error("the plugin's ABI is not v1");
  const uint32_t minor = std::min(entry_->abi_minor, static_cast<uint32_t>(PSJ_ABI_MINOR));
  if (entry_->init(hostTable(), path.c_str(), minor) != PSJ_OK)
    throw std::runtime_error("the plugin's init failed");
  if (entry_->job_type_count() < 1) throw std::runtime_error("the plugin registers no job type");
  type_ = entry_->job_type_at(0);
}

PluginLibrary::~PluginLibrary() {
  if (entry_) entry_->deinit();
  // openPluginLibrary keeps the code mapped: the plugin may have left thread-local destructors behind (Poco).
}

std::unique_ptr<Instance> PluginLibrary::create(const Settings& settings) const {
  KvArray kvs(settings);
  Call call;
  psj_instance* out = nullptr;
  call.check(type_->create(type_, kvs.pointers.data(), kvs.pointers.size(), &call.ctx, &out), "create");
  return std::unique_ptr<Instance>(new Instance(type_, out));
}

// ---- Instance ---------------------------------------------------------------------------------------------

Instance::~Instance() { type_->destroy(instance_); }

int32_t Instance::poll(std::string_view runId) const {
  struct Status {
    psj_status_sink sink{};
    int32_t state = -1;
  } status;
  status.sink.struct_size = sizeof(psj_status_sink);
  status.sink.host_data = &status;
  status.sink.set_state = [](const psj_status_sink* s, int32_t state, const char*, uint64_t) {
    static_cast<Status*>(s->host_data)->state = state;
  };
  status.sink.set_start_time = [](const psj_status_sink*, int64_t) {};
  status.sink.set_end_time = [](const psj_status_sink*, int64_t) {};
  status.sink.set_message = [](const psj_status_sink*, const char*, uint64_t) {};
  status.sink.add_output = [](const psj_status_sink*, const char*, uint64_t, const char*, uint64_t) {};
  status.sink.set_monitor_url = [](const psj_status_sink*, const char*, uint64_t) {};
  status.sink.set_next_poll_ms = [](const psj_status_sink*, int64_t) {};
  psj_run_ref ref{};
  ref.struct_size = sizeof(psj_run_ref);
  ref.run_id = str(runId);
  Call call;
  call.check(type_->poll(instance_, &call.ctx, &ref, &status.sink), "poll");
  return status.state;
}

Instance::PollStatus Instance::pollStatus(std::string_view runId) const {
  struct Status {
    psj_status_sink sink{};
    PollStatus status;
  } out;
  out.sink.struct_size = sizeof(psj_status_sink);
  out.sink.host_data = &out;
  out.sink.set_state = [](const psj_status_sink* s, int32_t state, const char*, uint64_t) {
    static_cast<Status*>(s->host_data)->status.state = state;
  };
  out.sink.set_start_time = [](const psj_status_sink*, int64_t) {};
  out.sink.set_end_time = [](const psj_status_sink* s, int64_t ms) {
    static_cast<Status*>(s->host_data)->status.endMs = ms;
  };
  out.sink.set_message = [](const psj_status_sink*, const char*, uint64_t) {};
  out.sink.add_output = [](const psj_status_sink*, const char*, uint64_t, const char*, uint64_t) {};
  out.sink.set_monitor_url = [](const psj_status_sink*, const char*, uint64_t) {};
  out.sink.set_next_poll_ms = [](const psj_status_sink* s, int64_t ms) {
    static_cast<Status*>(s->host_data)->status.nextPollMs = ms;
  };
  psj_run_ref ref{};
  ref.struct_size = sizeof(psj_run_ref);
  ref.run_id = str(runId);
  Call call;
  call.check(type_->poll(instance_, &call.ctx, &ref, &out.sink), "poll");
  return out.status;
}

std::string Instance::run(std::string_view externalId, const std::map<std::string, std::string>& parameters,
                          std::string_view idempotencyKey) const {
  std::vector<psj_parameter> items;
  items.reserve(parameters.size());
  for (const auto& [name, value] : parameters) {
    psj_parameter p{};
    p.struct_size = sizeof(psj_parameter);
    p.direction = PSJ_DIRECTION_INPUT;
    p.data_type = PSJ_TYPE_STRING;
    p.name = str(name);
    p.value = str(value);
    items.push_back(p);
  }
  std::vector<const psj_parameter*> pointers;
  for (const auto& p : items) pointers.push_back(&p);
  psj_run_request request{};
  request.struct_size = sizeof(psj_run_request);
  request.external_id = str(externalId);
  request.display_name = str("bench run");
  request.idempotency_key = str(idempotencyKey);
  request.parameters = pointers.data();
  request.parameter_count = pointers.size();
  struct RunOut {
    psj_run_sink sink{};
    std::string runId;
  } out;
  out.sink.struct_size = sizeof(psj_run_sink);
  out.sink.host_data = &out;
  out.sink.set_run_id = [](const psj_run_sink* s, const char* id, uint64_t len) {
    static_cast<RunOut*>(s->host_data)->runId.assign(id, len);
  };
  out.sink.set_monitor_url = [](const psj_run_sink*, const char*, uint64_t) {};
  Call call;
  call.check(type_->run(instance_, &call.ctx, &request, &out.sink), "run");
  return out.runId;
}

uint64_t Instance::importJobs(const std::function<void(std::string_view externalId)>& onJob) const {
  struct Counting {
    psj_import_sink sink{};
    const std::function<void(std::string_view)>* onJob;
    uint64_t count = 0;
  } counting;
  counting.onJob = &onJob;
  counting.sink.struct_size = sizeof(psj_import_sink);
  counting.sink.host_data = &counting;
  counting.sink.emit_job = [](const psj_import_sink* s, const psj_imported_job* job) -> int32_t {
    auto* self = static_cast<Counting*>(s->host_data);
    ++self->count;
    (*self->onJob)(std::string_view(job->external_id.data, job->external_id.len));
    return 0;
  };
  psj_import_request request{};
  request.struct_size = sizeof(psj_import_request);
  Call call;
  call.check(type_->import_jobs(instance_, &call.ctx, &request, &counting.sink), "import_jobs");
  return counting.count;
}

}  // namespace bench
