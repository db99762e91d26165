#include "polysync_host/check/RecordingSinks.h"

namespace polysync::host::check {
namespace {

std::string copy(const char* text, std::uint64_t len) {
  return text == nullptr ? std::string() : std::string(text, static_cast<std::size_t>(len));
}

std::string copy(const psj_str& text) { return copy(text.data, text.len); }

}  // namespace

TextSink::TextSink(std::uint32_t structSize) : RecordingSink(structSize) {
  sink_.set_text = [](const psj_text_sink* sink, const char* text, std::uint64_t len) {
    recordCall<TextSink>(sink, [&](TextSink& me) { me.text_ = copy(text, len); });
  };
}

std::optional<std::string> TextSink::text() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return text_;
}

RunSink::RunSink(std::uint32_t structSize) : RecordingSink(structSize) {
  sink_.set_run_id = [](const psj_run_sink* sink, const char* id, std::uint64_t len) {
    recordCall<RunSink>(sink, [&](RunSink& me) {
      me.runId_ = copy(id, len);
      ++me.runIdCalls_;
    });
  };
  sink_.set_monitor_url = [](const psj_run_sink* sink, const char* url, std::uint64_t len) {
    recordCall<RunSink>(sink, [&](RunSink& me) { me.monitorUrl_ = copy(url, len); });
  };
}

std::optional<std::string> RunSink::runId() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return runId_;
}

std::optional<std::string> RunSink::monitorUrl() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return monitorUrl_;
}

int RunSink::runIdCalls() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return runIdCalls_;
}

StatusSink::StatusSink(std::uint32_t structSize) : RecordingSink(structSize) {
  sink_.set_state = [](const psj_status_sink* sink, std::int32_t state, const char* raw, std::uint64_t len) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) {
      ++me.status_.setStateCalls;
      me.status_.state = state;
      me.status_.rawStatus = copy(raw, len);
    });
  };
  sink_.set_start_time = [](const psj_status_sink* sink, std::int64_t ms) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) { me.status_.startMs = ms; });
  };
  sink_.set_end_time = [](const psj_status_sink* sink, std::int64_t ms) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) { me.status_.endMs = ms; });
  };
  sink_.set_message = [](const psj_status_sink* sink, const char* message, std::uint64_t len) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) { me.status_.message = copy(message, len); });
  };
  sink_.add_output = [](const psj_status_sink* sink, const char* name, std::uint64_t nameLen,
                        const char* value, std::uint64_t valueLen) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) {
      me.status_.outputs.emplace_back(copy(name, nameLen), copy(value, valueLen));
    });
  };
  sink_.set_monitor_url = [](const psj_status_sink* sink, const char* url, std::uint64_t len) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) { me.status_.monitorUrl = copy(url, len); });
  };
  sink_.set_next_poll_ms = [](const psj_status_sink* sink, std::int64_t ms) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) { me.status_.nextPollMs = ms; });
  };
  sink_.set_progress = [](const psj_status_sink* sink, const psj_progress* progress) {
    recordCall<StatusSink>(sink, [&](StatusSink& me) {
      ++me.status_.progressCalls;
      if (progress == nullptr) return;
      me.status_.progress = *progress;
      me.status_.progress->running = nullptr;
      me.status_.runningNames.clear();
      for (std::uint64_t i = 0; i < progress->running_count; ++i)
        me.status_.runningNames.push_back(copy(progress->running[i].data, progress->running[i].len));
    });
  };
}

RecordedStatus StatusSink::status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return status_;
}

ImportSink::ImportSink(std::size_t stopAfter, std::uint32_t structSize)
    : RecordingSink(structSize), stopAfter_(stopAfter) {
  sink_.emit_job = [](const psj_import_sink* sink, const psj_imported_job* job) -> std::int32_t {
    return recordCall<ImportSink>(sink, [&](ImportSink& me) -> std::int32_t {
      if (me.jobs_.size() >= me.stopAfter_) {
        ++me.emitsAfterStop_;
        return 1;
      }
      RecordedJob recorded;
      recorded.externalId = copy(job->external_id);
      recorded.name = copy(job->name);
      recorded.description = copy(job->description);
      recorded.jobType = copy(job->job_type);
      for (std::uint64_t i = 0; i < job->parameter_count; ++i) {
        const psj_parameter_schema* p = job->parameters[i];
        recorded.parameters.push_back(
            {copy(p->name), p->direction, p->data_type, p->flags, copy(p->default_value)});
      }
      me.jobs_.push_back(std::move(recorded));
      return me.jobs_.size() >= me.stopAfter_ ? 1 : 0;
    });
  };
}

std::vector<RecordedJob> ImportSink::jobs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return jobs_;
}

int ImportSink::emitsAfterStop() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return emitsAfterStop_;
}

}  // namespace polysync::host::check
