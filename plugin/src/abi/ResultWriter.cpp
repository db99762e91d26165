#include "abi/ResultWriter.h"

#include <string>
#include <vector>

#include "abi/AbiLimits.h"
#include "abi/CoreEnums.h"
#include "core/JobTypeError.h"

namespace aifoundry::abi {
namespace {

using core::ErrorCode;
using core::JobTypeError;

psj_str view(const std::string& text) { return psj_str{text.c_str(), text.size()}; }

template <class Sink>
void requireSink(const Sink* sink, std::size_t minimumSize, bool hasRequiredFunction, const char* what) {
  if (sink == nullptr) throw JobTypeError(ErrorCode::InvalidArgument, std::string(what) + " is NULL");
  if (sink->struct_size < minimumSize || !hasRequiredFunction) {
    throw JobTypeError(ErrorCode::InvalidArgument, std::string(what) +
                                                       " lacks its required function (struct_size " +
                                                       std::to_string(sink->struct_size) + ")");
  }
}

bool knownState(core::RunState state) {
  switch (state) {
    case core::RunState::Unknown:
    case core::RunState::Starting:
    case core::RunState::Running:
    case core::RunState::Success:
    case core::RunState::Failed:
    case core::RunState::Cancelled:
      return true;
  }
  return false;
}

void writeProgress(const psj_status_sink* sink, const core::StepProgress& progress) {
  std::vector<psj_str> names;
  for (const std::string& name : progress.runningNames) {
    // No more names than the ABI allows, nor than steps said to be running.
    if (names.size() == PSJ_PROGRESS_MAX_RUNNING_NAMES || names.size() == progress.running) break;
    names.push_back(view(name));
  }
  psj_progress raw{};
  raw.struct_size = sizeof(psj_progress);
  raw.steps_total = progress.total;
  raw.steps_completed = progress.completed;
  raw.steps_running = progress.running;
  raw.steps_failed = progress.failed;
  raw.steps_skipped = progress.skipped;
  raw.running = names.empty() ? nullptr : names.data();
  raw.running_count = names.size();
  sink->set_progress(sink, &raw);
}

}  // namespace

void requireTextSink(const psj_text_sink* sink) {
  // set_text is optional: a host may not care what test_connection checked.
  requireSink(sink, AIFOUNDRY_END_OF(psj_text_sink, host_data), true, "the result sink");
}

void writeText(const psj_text_sink* sink, const std::string& text) {
  if (PSJ_HAS(sink, psj_text_sink, set_text) && sink->set_text != nullptr) {
    sink->set_text(sink, text.c_str(), text.size());
  }
}

void requireRunSink(const psj_run_sink* sink) {
  const bool ok = PSJ_HAS(sink, psj_run_sink, set_run_id) && sink->set_run_id != nullptr;
  requireSink(sink, AIFOUNDRY_END_OF(psj_run_sink, set_run_id), ok, "the run sink");
}

void writeRunResult(const psj_run_sink* sink, const core::RunResult& result) {
  if (result.runId.empty() || result.runId.size() > kMaxRunIdBytes) {
    throw JobTypeError(ErrorCode::Internal, "the job type returned a run id of " +
                                                std::to_string(result.runId.size()) + " bytes (allowed: 1.." +
                                                std::to_string(kMaxRunIdBytes) + "); this is a plugin bug");
  }
  sink->set_run_id(sink, result.runId.c_str(), result.runId.size());
  if (!result.monitorUrl.empty() && PSJ_HAS(sink, psj_run_sink, set_monitor_url) &&
      sink->set_monitor_url != nullptr) {
    sink->set_monitor_url(sink, result.monitorUrl.c_str(), result.monitorUrl.size());
  }
}

void requireStatusSink(const psj_status_sink* sink) {
  const bool ok = PSJ_HAS(sink, psj_status_sink, set_state) && sink->set_state != nullptr;
  requireSink(sink, AIFOUNDRY_END_OF(psj_status_sink, set_state), ok, "the status sink");
}

void writeStatus(const psj_status_sink* sink, const core::StatusReport& status) {
  if (!knownState(status.state)) {
    throw JobTypeError(ErrorCode::Internal, "the job type reported an unknown run state " +
                                                std::to_string(static_cast<int>(status.state)) +
                                                "; this is a plugin bug");
  }
  sink->set_state(sink, static_cast<std::int32_t>(status.state), status.rawStatus.c_str(),
                  status.rawStatus.size());
  if (status.startMs && PSJ_HAS(sink, psj_status_sink, set_start_time) && sink->set_start_time != nullptr) {
    sink->set_start_time(sink, *status.startMs);
  }
  if (status.endMs && PSJ_HAS(sink, psj_status_sink, set_end_time) && sink->set_end_time != nullptr) {
    sink->set_end_time(sink, *status.endMs);
  }
  const std::string message = status.message.empty() && status.state == core::RunState::Failed
                                  ? std::string(kFailedWithoutReason)
                                  : status.message;
  if (!message.empty() && PSJ_HAS(sink, psj_status_sink, set_message) && sink->set_message != nullptr) {
    sink->set_message(sink, message.c_str(), message.size());
  }
  if (PSJ_HAS(sink, psj_status_sink, add_output) && sink->add_output != nullptr) {
    for (const core::OutputValue& output : status.outputs) {
      sink->add_output(sink, output.name.c_str(), output.name.size(), output.value.c_str(),
                       output.value.size());
    }
  }
  if (!status.monitorUrl.empty() && PSJ_HAS(sink, psj_status_sink, set_monitor_url) &&
      sink->set_monitor_url != nullptr) {
    sink->set_monitor_url(sink, status.monitorUrl.c_str(), status.monitorUrl.size());
  }
  if (status.nextPollMs && PSJ_HAS(sink, psj_status_sink, set_next_poll_ms) &&
      sink->set_next_poll_ms != nullptr) {
    sink->set_next_poll_ms(sink, *status.nextPollMs);
  }
  // ABI 1.1: a 1.0 host's sink ends before set_progress (its struct_size says so), and it gets nothing.
  if (status.progress && PSJ_HAS(sink, psj_status_sink, set_progress) && sink->set_progress != nullptr) {
    writeProgress(sink, *status.progress);
  }
}

void requireImportSink(const psj_import_sink* sink) {
  const bool ok = PSJ_HAS(sink, psj_import_sink, emit_job) && sink->emit_job != nullptr;
  requireSink(sink, AIFOUNDRY_END_OF(psj_import_sink, emit_job), ok, "the import sink");
}

std::int32_t writeImportedJob(const psj_import_sink* sink, const core::ImportedJob& job) {
  if (job.externalId.empty()) {
    throw JobTypeError(ErrorCode::Internal,
                       "the job type imported a job without an external id; this is a plugin bug");
  }
  std::vector<psj_parameter_schema> schemas(job.parameters.size());
  std::vector<const psj_parameter_schema*> pointers(job.parameters.size());
  for (std::size_t i = 0; i < job.parameters.size(); ++i) {
    const core::ParameterSchema& parameter = job.parameters[i];
    psj_parameter_schema& schema = schemas[i];
    schema.struct_size = sizeof(psj_parameter_schema);
    schema.direction = static_cast<std::int32_t>(parameter.direction);
    schema.data_type = static_cast<std::int32_t>(parameter.dataType);
    schema.flags = (parameter.defaultValue ? PSJ_SCHEMA_HAS_DEFAULT : 0u) |
                   (parameter.overridable ? 0u : PSJ_SCHEMA_NOT_OVERRIDABLE);
    schema.name = view(parameter.name);
    schema.default_value = parameter.defaultValue ? view(*parameter.defaultValue) : psj_str{"", 0};
    schema.description = view(parameter.description);
    pointers[i] = &schema;
  }
  psj_imported_job imported{};
  imported.struct_size = sizeof(psj_imported_job);
  imported.external_id = view(job.externalId);
  imported.name = view(job.name);
  imported.description = view(job.description);
  imported.job_type = view(job.jobType);
  imported.parameters = pointers.empty() ? nullptr : pointers.data();
  imported.parameter_count = pointers.size();
  return sink->emit_job(sink, &imported);
}

}  // namespace aifoundry::abi
