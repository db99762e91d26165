#include "polysync_host/Sinks.h"

#include <polysync/jobtype_v1/base.h>

#include <algorithm>

#include "polysync_host/Logger.h"

namespace polysync::host {
namespace {

// The 1.0 layouts: a struct the plugin fills must be at least this large.
constexpr uint64_t kImportedJob10 = sizeof(psj_imported_job);
constexpr uint64_t kParameterSchema10 = sizeof(psj_parameter_schema);
// psj_progress arrived with 1.1 and has had one layout since.
constexpr uint64_t kProgress11 = sizeof(psj_progress);

}  // namespace

// ---- TextSink ---------------------------------------------------------------------------------------------

TextSink::TextSink(Logger& logger) : HostSink(logger, "psj_text_sink") {
  sink_.set_text = &TextSink::setText;
}

void TextSink::setText(const psj_text_sink* sink, const char* text, uint64_t len) {
  auto* s = admitted<TextSink>(sink, "set_text");
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  if (auto copied = s->gate_.copy(text, len, "set_text text", kMaxTextBytes)) s->text_ = std::move(copied);
}

// ---- ImportSink -------------------------------------------------------------------------------------------

ImportSink::ImportSink(Logger& logger) : HostSink(logger, "psj_import_sink") {
  sink_.emit_job = &ImportSink::emitJob;
}

bool ImportSink::copyParameter(const psj_parameter_schema* p, ParameterSchemaInfo& out) {
  if (!p || p->struct_size < kParameterSchema10) {
    gate_.violation(
        "emit_job: a parameter schema is NULL or smaller than the ABI 1.0 layout; it was skipped");
    return false;
  }
  auto name = gate_.copy(p->name, "emit_job parameter name", kMaxIdBytes);
  if (!name || name->empty()) {
    gate_.violation("emit_job: a parameter has no name; it was skipped");
    return false;
  }
  out.name = std::move(*name);
  out.direction = p->direction;
  out.dataType = p->data_type;
  if (p->flags & PSJ_SCHEMA_HAS_DEFAULT)
    out.defaultValue = gate_.copy(p->default_value, "emit_job parameter default", kMaxTextBytes);
  out.description = gate_.copy(p->description, "emit_job parameter description", kMaxTextBytes).value_or("");
  out.overridable = !(p->flags & PSJ_SCHEMA_NOT_OVERRIDABLE);
  return true;
}

int32_t ImportSink::emitJob(const psj_import_sink* sink, const psj_imported_job* job) {
  auto* s = admitted<ImportSink>(sink, "emit_job");
  if (!s) return 1;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  if (!job || job->struct_size < kImportedJob10) {
    s->gate_.violation("emit_job: the job is NULL or smaller than the ABI 1.0 layout; it was skipped");
    return 0;
  }
  ImportedJob out;
  auto externalId = s->gate_.copy(job->external_id, "emit_job external_id", kMaxIdBytes);
  if (!externalId || externalId->empty()) {
    s->gate_.violation("emit_job: a job has no external_id; it was skipped");
    return 0;
  }
  out.externalId = std::move(*externalId);
  out.name = s->gate_.copy(job->name, "emit_job name", kMaxTextBytes).value_or("");
  out.description = s->gate_.copy(job->description, "emit_job description", kMaxTextBytes).value_or("");
  out.jobType = s->gate_.copy(job->job_type, "emit_job job_type", kMaxTextBytes).value_or("");
  if (!job->parameters && job->parameter_count > 0) {
    s->gate_.violation("emit_job: parameters is NULL with a nonzero parameter_count");
  } else {
    for (uint64_t i = 0; i < job->parameter_count; ++i) {
      ParameterSchemaInfo p;
      if (s->copyParameter(job->parameters[i], p)) out.parameters.push_back(std::move(p));
    }
  }
  s->jobs_.push_back(std::move(out));
  return 0;
}

// ---- RunSink ----------------------------------------------------------------------------------------------

RunSink::RunSink(Logger& logger) : HostSink(logger, "psj_run_sink") {
  sink_.set_run_id = &RunSink::setRunId;
  sink_.set_monitor_url = &RunSink::setMonitorUrl;
}

void RunSink::setRunId(const psj_run_sink* sink, const char* runId, uint64_t len) {
  auto* s = admitted<RunSink>(sink, "set_run_id");
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  auto id = s->gate_.copy(runId, len, "set_run_id run_id", kMaxIdBytes);
  if (!id || id->empty()) {
    s->gate_.violation("set_run_id: the run id is empty");
    return;
  }
  s->result_.runId = std::move(*id);
  s->hasRunId_ = true;
}

void RunSink::setMonitorUrl(const psj_run_sink* sink, const char* url, uint64_t len) {
  auto* s = admitted<RunSink>(sink, "set_monitor_url");
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  if (auto copied = s->gate_.copy(url, len, "set_monitor_url url", kMaxTextBytes))
    s->result_.monitorUrl = std::move(copied);
}

// ---- StatusSink -------------------------------------------------------------------------------------------

StatusSink::StatusSink(Logger& logger, std::string runId) : HostSink(logger, "psj_status_sink") {
  sink_.set_state = &StatusSink::setState;
  sink_.set_start_time = &StatusSink::setStartTime;
  sink_.set_end_time = &StatusSink::setEndTime;
  sink_.set_message = &StatusSink::setMessage;
  sink_.add_output = &StatusSink::addOutput;
  sink_.set_monitor_url = &StatusSink::setMonitorUrl;
  sink_.set_next_poll_ms = &StatusSink::setNextPollMs;
  sink_.set_progress = &StatusSink::setProgress;
  result_.runId = std::move(runId);
}

void StatusSink::setState(const psj_status_sink* sink, int32_t state, const char* raw, uint64_t len) {
  StatusSink* s = admitted<StatusSink>(sink, "set_state");
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  if (state < 0 || state > 199) {
    s->gate_.violation("set_state: state " + std::to_string(state) +
                       " is outside the live and terminal bands");
    state = PSJ_STATE_UNKNOWN;
  }
  s->result_.state = state;
  s->result_.providerStatus = s->gate_.copy(raw, len, "set_state raw_status", kMaxTextBytes);
  if (s->result_.providerStatus && s->result_.providerStatus->empty()) s->result_.providerStatus.reset();
  s->hasState_ = true;
}

void StatusSink::setStartTime(const psj_status_sink* sink, int64_t unixMs) {
  if (StatusSink* s = admitted<StatusSink>(sink, "set_start_time")) {
    std::lock_guard<std::mutex> lock(s->gate_.mutex());
    s->result_.startTimeMs = unixMs;
  }
}

void StatusSink::setEndTime(const psj_status_sink* sink, int64_t unixMs) {
  if (StatusSink* s = admitted<StatusSink>(sink, "set_end_time")) {
    std::lock_guard<std::mutex> lock(s->gate_.mutex());
    s->result_.endTimeMs = unixMs;
  }
}

void StatusSink::storeText(const psj_status_sink* sink, const char* function, const char* what,
                           const char* text, uint64_t len, std::optional<std::string> RunStatus::*field) {
  StatusSink* s = admitted<StatusSink>(sink, function);
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  if (auto copied = s->gate_.copy(text, len, what, kMaxTextBytes)) s->result_.*field = std::move(copied);
}

void StatusSink::setMessage(const psj_status_sink* sink, const char* message, uint64_t len) {
  storeText(sink, "set_message", "set_message message", message, len, &RunStatus::message);
}

void StatusSink::addOutput(const psj_status_sink* sink, const char* name, uint64_t nameLen, const char* value,
                           uint64_t valueLen) {
  StatusSink* s = admitted<StatusSink>(sink, "add_output");
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  auto n = s->gate_.copy(name, nameLen, "add_output name", kMaxIdBytes);
  auto v = s->gate_.copy(value, valueLen, "add_output value", kMaxTextBytes);
  if (!n || n->empty() || !v) {
    s->gate_.violation("add_output: an output without a name or value was skipped");
    return;
  }
  auto& outputs = s->result_.outputs;
  auto it = std::find_if(outputs.begin(), outputs.end(), [&](const auto& o) { return o.first == *n; });
  if (it != outputs.end())
    it->second = std::move(*v);
  else
    outputs.emplace_back(std::move(*n), std::move(*v));
}

void StatusSink::setMonitorUrl(const psj_status_sink* sink, const char* url, uint64_t len) {
  storeText(sink, "set_monitor_url", "set_monitor_url url", url, len, &RunStatus::monitorUrl);
}

void StatusSink::setNextPollMs(const psj_status_sink* sink, int64_t ms) {
  StatusSink* s = admitted<StatusSink>(sink, "set_next_poll_ms");
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  if (ms < 0) {
    s->gate_.violation("set_next_poll_ms: negative value " + std::to_string(ms));
    return;
  }
  s->result_.nextPollMs = ms;
}

void StatusSink::setProgress(const psj_status_sink* sink, const psj_progress* progress) {
  StatusSink* s = admitted<StatusSink>(sink, "set_progress");
  if (!s) return;
  std::lock_guard<std::mutex> lock(s->gate_.mutex());
  if (!progress || progress->struct_size < kProgress11) {
    s->gate_.violation(
        "set_progress: the progress is NULL or smaller than the ABI 1.1 layout; it was ignored");
    return;
  }
  const uint64_t counted = uint64_t{progress->steps_completed} + progress->steps_running +
                           progress->steps_failed + progress->steps_skipped;
  if (counted > progress->steps_total) {
    s->gate_.violation("set_progress: " + std::to_string(counted) + " steps counted of " +
                       std::to_string(progress->steps_total) + " in total; the progress was ignored");
    return;
  }
  if (!progress->running && progress->running_count > 0) {
    s->gate_.violation(
        "set_progress: running is NULL with a nonzero running_count; the progress was ignored");
    return;
  }
  RunProgress out;
  out.stepsTotal = progress->steps_total;
  out.stepsCompleted = progress->steps_completed;
  out.stepsRunning = progress->steps_running;
  out.stepsFailed = progress->steps_failed;
  out.stepsSkipped = progress->steps_skipped;
  // Names beyond the ABI's bound (or beyond the running count) are not the plugin's to send: kept to both.
  const uint64_t names = std::min<uint64_t>(
      {progress->running_count, PSJ_PROGRESS_MAX_RUNNING_NAMES, uint64_t{progress->steps_running}});
  if (progress->running_count > names)
    s->gate_.violation("set_progress: " + std::to_string(progress->running_count) +
                       " running names for at most " + std::to_string(names) + "; the rest were ignored");
  for (uint64_t i = 0; i < names; ++i) {
    auto name = s->gate_.copy(progress->running[i], "set_progress running name", kMaxIdBytes);
    if (name && !name->empty()) out.running.push_back(std::move(*name));
  }
  s->result_.progress = std::move(out);
}

}  // namespace polysync::host
