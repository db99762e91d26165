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

// test_connection's description of what it checked.
class TextSink {
 public:
  explicit TextSink(Logger& logger);
  TextSink(const TextSink&) = delete;
  TextSink& operator=(const TextSink&) = delete;
  const psj_text_sink* get() const { return &sink_; }
  void close() { gate_.close(); }
  const std::optional<std::string>& text() const { return text_; }

 private:
  static void setText(const psj_text_sink* sink, const char* text, uint64_t len);
  SinkGate gate_;
  psj_text_sink sink_{};
  std::optional<std::string> text_;
};

// import_jobs' stream of jobs. Keeps them all (the command prints one JSON document at the end).
class ImportSink {
 public:
  explicit ImportSink(Logger& logger);
  ImportSink(const ImportSink&) = delete;
  ImportSink& operator=(const ImportSink&) = delete;
  const psj_import_sink* get() const { return &sink_; }
  void close() { gate_.close(); }
  const std::vector<ImportedJob>& jobs() const { return jobs_; }

 private:
  static int32_t emitJob(const psj_import_sink* sink, const psj_imported_job* job);
  bool copyParameter(const psj_parameter_schema* p, ParameterSchemaInfo& out);
  SinkGate gate_;
  psj_import_sink sink_{};
  std::vector<ImportedJob> jobs_;
};

// run's run id and monitor URL.
class RunSink {
 public:
  explicit RunSink(Logger& logger);
  RunSink(const RunSink&) = delete;
  RunSink& operator=(const RunSink&) = delete;
  const psj_run_sink* get() const { return &sink_; }
  void close() { gate_.close(); }
  bool hasRunId() const { return hasRunId_; }
  const RunSubmission& result() const { return result_; }

 private:
  static void setRunId(const psj_run_sink* sink, const char* runId, uint64_t len);
  static void setMonitorUrl(const psj_run_sink* sink, const char* url, uint64_t len);
  SinkGate gate_;
  psj_run_sink sink_{};
  bool hasRunId_ = false;
  RunSubmission result_;
};

// poll's and cancel's status.
class StatusSink {
 public:
  StatusSink(Logger& logger, std::string runId);
  StatusSink(const StatusSink&) = delete;
  StatusSink& operator=(const StatusSink&) = delete;
  const psj_status_sink* get() const { return &sink_; }
  void close() { gate_.close(); }
  bool hasState() const { return hasState_; }
  const RunStatus& result() const { return result_; }

 private:
  static StatusSink* self(const psj_status_sink* sink, const char* function);
  static void setState(const psj_status_sink* sink, int32_t state, const char* raw, uint64_t len);
  static void setStartTime(const psj_status_sink* sink, int64_t unixMs);
  static void setEndTime(const psj_status_sink* sink, int64_t unixMs);
  static void setMessage(const psj_status_sink* sink, const char* message, uint64_t len);
  static void addOutput(const psj_status_sink* sink, const char* name, uint64_t nameLen, const char* value,
                        uint64_t valueLen);
  static void setMonitorUrl(const psj_status_sink* sink, const char* url, uint64_t len);
  static void setNextPollMs(const psj_status_sink* sink, int64_t ms);
  static void setProgress(const psj_status_sink* sink, const psj_progress* progress);
  SinkGate gate_;
  psj_status_sink sink_{};
  bool hasState_ = false;
  RunStatus result_;
};

}  // namespace polysync::host
