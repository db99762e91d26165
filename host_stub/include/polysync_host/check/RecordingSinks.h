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

// The C struct of a recording sink, `structSize` bytes as the plugin reads it, pointing back at the sink.
template <class CSink>
class RecordingSink : public SinkBase {
 public:
  const CSink* get() const { return &sink_; }

 protected:
  explicit RecordingSink(std::uint32_t structSize) {
    sink_.struct_size = structSize;
    sink_.host_data = this;
  }

  // One call of the plugin's to the `Sink` that `sink` belongs to: counted (as late after close()), then
  // handed to `record`, which is given that Sink and runs under its lock. Returns what `record` returns.
  template <class Sink, class Record>
  static auto recordCall(const CSink* sink, Record record) {
    auto& me = *static_cast<Sink*>(static_cast<RecordingSink*>(sink->host_data));
    me.noteCall();
    std::lock_guard<std::mutex> lock(me.mutex_);
    return record(me);
  }

  CSink sink_{};
};

class TextSink : public RecordingSink<psj_text_sink> {
 public:
  explicit TextSink(std::uint32_t structSize = sizeof(psj_text_sink));
  std::optional<std::string> text() const;

 private:
  std::optional<std::string> text_;
};

class RunSink : public RecordingSink<psj_run_sink> {
 public:
  explicit RunSink(std::uint32_t structSize = sizeof(psj_run_sink));
  std::optional<std::string> runId() const;
  std::optional<std::string> monitorUrl() const;
  int runIdCalls() const;

 private:
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

class StatusSink : public RecordingSink<psj_status_sink> {
 public:
  explicit StatusSink(std::uint32_t structSize = sizeof(psj_status_sink));
  RecordedStatus status() const;

 private:
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

class ImportSink : public RecordingSink<psj_import_sink> {
 public:
  // After `stopAfter` jobs, emit_job answers "no more".
  explicit ImportSink(std::size_t stopAfter = SIZE_MAX, std::uint32_t structSize = sizeof(psj_import_sink));
  std::vector<RecordedJob> jobs() const;
  int emitsAfterStop() const;

 private:
  std::size_t stopAfter_;
  std::vector<RecordedJob> jobs_;
  int emitsAfterStop_ = 0;
};

}  // namespace polysync::host::check
