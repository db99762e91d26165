// Recording sinks: host-side psj_*_sink implementations that copy what the plugin reports, as a real host
// does, and count every call made after close() (the callback returned) as a contract violation.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "polysync/jobtype_v1.h"

namespace polysync::host::check {

class SinkBase {
 public:
  void close() { closed_ = true; }
  int lateCalls() const { return lateCalls_.load(); }

 protected:
  void noteCall() {
    if (closed_) ++lateCalls_;
  }
  mutable std::mutex mutex_;

 private:
  std::atomic<bool> closed_{false};
  std::atomic<int> lateCalls_{0};
};

class TextSink : public SinkBase {
 public:
  explicit TextSink(std::uint32_t structSize = sizeof(psj_text_sink));
  const psj_text_sink* get() const { return &sink_; }
  std::optional<std::string> text() const;

 private:
  psj_text_sink sink_{};
  std::optional<std::string> text_;
};

class RunSink : public SinkBase {
 public:
  explicit RunSink(std::uint32_t structSize = sizeof(psj_run_sink));
  const psj_run_sink* get() const { return &sink_; }
  std::optional<std::string> runId() const;
  std::optional<std::string> monitorUrl() const;
  int runIdCalls() const;

 private:
  psj_run_sink sink_{};
  std::optional<std::string> runId_;
  std::optional<std::string> monitorUrl_;
  int runIdCalls_ = 0;
};

struct RecordedStatus {
  int setStateCalls = 0;
  std::int32_t state = -1;
  std::string rawStatus;
  std::optional<std::int64_t> startMs, endMs, nextPollMs;
  std::optional<std::string> message, monitorUrl;
  std::vector<std::pair<std::string, std::string>> outputs;
  // ABI 1.1 set_progress: every call is counted (also one a short sink's struct_size does not offer).
  int progressCalls = 0;
  std::optional<psj_progress> progress;  // the last one; `running` is not kept (see runningNames)
  std::vector<std::string> runningNames;
};

class StatusSink : public SinkBase {
 public:
  explicit StatusSink(std::uint32_t structSize = sizeof(psj_status_sink));
  const psj_status_sink* get() const { return &sink_; }
  RecordedStatus status() const;

 private:
  static StatusSink& self(const psj_status_sink* sink) { return *static_cast<StatusSink*>(sink->host_data); }
  psj_status_sink sink_{};
  RecordedStatus status_;
};

struct RecordedParameter {
  std::string name;
  std::int32_t direction = 0;
  std::int32_t dataType = 0;
  std::uint32_t flags = 0;
  std::string defaultValue;
};

struct RecordedJob {
  std::string externalId, name, description, jobType;
  std::vector<RecordedParameter> parameters;
};

class ImportSink : public SinkBase {
 public:
  // After `stopAfter` jobs, emit_job answers "no more".
  explicit ImportSink(std::size_t stopAfter = SIZE_MAX, std::uint32_t structSize = sizeof(psj_import_sink));
  const psj_import_sink* get() const { return &sink_; }
  std::vector<RecordedJob> jobs() const;
  int emitsAfterStop() const;

 private:
  psj_import_sink sink_{};
  std::size_t stopAfter_;
  std::vector<RecordedJob> jobs_;
  int emitsAfterStop_ = 0;
};

}  // namespace polysync::host::check
