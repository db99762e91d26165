// The host-owned sinks a plugin hands its results to (sinks.h). Each copies what it is given, is open only
// during its callback (SinkGate), and keeps the result for the host to read after the callback returned.
// One sink per call. Not copyable: the C struct points back at the object.
#pragma once

#include <polysync/jobtype_v1/sinks.h>

#include <string>
#include <vector>

#include "polysync_host/Results.h"
#include "polysync_host/SinkGate.h"

namespace polysync::host {

// What every sink below shares: the C struct the plugin calls, pointing back at this object, and its gate.
template <class CSink>
class HostSink {
 public:
  HostSink(const HostSink&) = delete;
  HostSink& operator=(const HostSink&) = delete;
  const CSink* get() const { return &sink_; }
  void close() { gate_.close(); }

 protected:
  HostSink(Logger& logger, const char* sinkName) : gate_(logger, sinkName) {
    sink_.struct_size = sizeof(CSink);
    sink_.host_data = this;
  }
  ~HostSink() = default;

  // The `Sink` that `sink` belongs to when `function` may run now (SinkGate::admit); nullptr otherwise.
  template <class Sink>
  static Sink* admitted(const CSink* sink, const char* function) {
    auto* s = sink ? static_cast<Sink*>(static_cast<HostSink*>(sink->host_data)) : nullptr;
    return s && s->gate_.admit(function) ? s : nullptr;
  }

  SinkGate gate_;
  CSink sink_{};
};

// test_connection's description of what it checked.
class TextSink : public HostSink<psj_text_sink> {
 public:
  explicit TextSink(Logger& logger);
  const std::optional<std::string>& text() const { return text_; }

 private:
  static void setText(const psj_text_sink* sink, const char* text, uint64_t len);
  std::optional<std::string> text_;
};

// import_jobs' stream of jobs. Keeps them all (the command prints one JSON document at the end).
class ImportSink : public HostSink<psj_import_sink> {
 public:
  explicit ImportSink(Logger& logger);
  const std::vector<ImportedJob>& jobs() const { return jobs_; }

 private:
  static int32_t emitJob(const psj_import_sink* sink, const psj_imported_job* job);
  bool copyParameter(const psj_parameter_schema* p, ParameterSchemaInfo& out);
  std::vector<ImportedJob> jobs_;
};

// run's run id and monitor URL.
class RunSink : public HostSink<psj_run_sink> {
 public:
  explicit RunSink(Logger& logger);
  bool hasRunId() const { return hasRunId_; }
  const RunSubmission& result() const { return result_; }

 private:
  static void setRunId(const psj_run_sink* sink, const char* runId, uint64_t len);
  static void setMonitorUrl(const psj_run_sink* sink, const char* url, uint64_t len);
  bool hasRunId_ = false;
  RunSubmission result_;
};

// poll's and cancel's status.
class StatusSink : public HostSink<psj_status_sink> {
 public:
  StatusSink(Logger& logger, std::string runId);
  bool hasState() const { return hasState_; }
  const RunStatus& result() const { return result_; }

 private:
  static void setState(const psj_status_sink* sink, int32_t state, const char* raw, uint64_t len);
  static void setStartTime(const psj_status_sink* sink, int64_t unixMs);
  static void setEndTime(const psj_status_sink* sink, int64_t unixMs);
  static void setMessage(const psj_status_sink* sink, const char* message, uint64_t len);
  static void addOutput(const psj_status_sink* sink, const char* name, uint64_t nameLen, const char* value,
                        uint64_t valueLen);
  static void setMonitorUrl(const psj_status_sink* sink, const char* url, uint64_t len);
  static void setNextPollMs(const psj_status_sink* sink, int64_t ms);
  static void setProgress(const psj_status_sink* sink, const psj_progress* progress);
  // set_message and set_monitor_url: `text` kept in `field` (a text the gate refuses leaves it as it was).
  static void storeText(const psj_status_sink* sink, const char* function, const char* what, const char* text,
                        uint64_t len, std::optional<std::string> RunStatus::*field);
  bool hasState_ = false;
  RunStatus result_;
};

}  // namespace polysync::host
