// The host sinks copy, check their arguments, and refuse calls after their callback returned.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "polysync_host/ContractViolations.h"
#include "polysync_host/Logger.h"
#include "polysync_host/Sinks.h"

namespace {

using namespace polysync::host;

Logger& quietLogger() {
  static Logger logger(99);
  return logger;
}

psj_str str(const char* s) { return psj_str{s, std::strlen(s)}; }

TEST(StatusSink, CopiesEverythingItIsGiven) {
  StatusSink sink(quietLogger(), "r1");
  const psj_status_sink* s = sink.get();
  char buffer[32];
  std::strcpy(buffer, "Completed");
  s->set_state(s, PSJ_STATE_SUCCESS, buffer, std::strlen(buffer));
  std::strcpy(buffer, "model");
  s->add_output(s, buffer, 5, "v1", 2);
  s->add_output(s, buffer, 5, "v2", 2);  // a repeated name replaces
  std::strcpy(buffer, "xxxxxxxxx");
  s->set_start_time(s, 1);
  s->set_end_time(s, 2);
  s->set_message(s, "msg", 3);
  s->set_monitor_url(s, "https://m", 9);
  s->set_next_poll_ms(s, 500);
  sink.close();
  const RunStatus& r = sink.result();
  EXPECT_TRUE(sink.hasState());
  EXPECT_EQ(r.runId, "r1");
  EXPECT_EQ(r.state, PSJ_STATE_SUCCESS);
  EXPECT_EQ(r.providerStatus, "Completed");
  ASSERT_EQ(r.outputs.size(), 1u);
  EXPECT_EQ(r.outputs[0].first, "model");
  EXPECT_EQ(r.outputs[0].second, "v2");
  EXPECT_EQ(r.startTimeMs, 1);
  EXPECT_EQ(r.endTimeMs, 2);
  EXPECT_EQ(r.message, "msg");
  EXPECT_EQ(r.monitorUrl, "https://m");
  EXPECT_EQ(r.nextPollMs, 500);
}

TEST(StatusSink, CallsAfterTheCallbackReturnedAreViolationsAndIgnored) {
  StatusSink sink(quietLogger(), "r1");
  const psj_status_sink* s = sink.get();
  sink.close();
  const uint64_t before = contractViolationCount();
  s->set_state(s, PSJ_STATE_FAILED, "Failed", 6);
  s->set_message(s, "late", 4);
  EXPECT_EQ(contractViolationCount(), before + 2);
  EXPECT_FALSE(sink.hasState());
  EXPECT_FALSE(sink.result().message);
}

TEST(StatusSink, MalformedArgumentsAreViolations) {
  StatusSink sink(quietLogger(), "r1");
  const psj_status_sink* s = sink.get();
  const uint64_t before = contractViolationCount();
  s->set_state(s, 250, nullptr, 0);  // outside both bands
  EXPECT_EQ(sink.result().state, PSJ_STATE_UNKNOWN);
  s->set_message(s, nullptr, 3);
  s->add_output(s, nullptr, 0, "v", 1);
  s->set_next_poll_ms(s, -1);
  EXPECT_GE(contractViolationCount(), before + 4);
  EXPECT_TRUE(sink.result().outputs.empty());
}

TEST(StatusSink, CopiesStepProgressAndItsNames) {
  StatusSink sink(quietLogger(), "r1");
  const psj_status_sink* s = sink.get();
  EXPECT_EQ(s->struct_size, sizeof(psj_status_sink)) << "a 1.1 sink: set_progress is inside it";
  char name[16];
  std::strcpy(name, "train_model");
  const psj_str names[] = {str(name), str("score")};
  psj_progress p{};
  p.struct_size = sizeof(psj_progress);
  p.steps_total = 5;
  p.steps_completed = 1;
  p.steps_running = 2;
  p.steps_failed = 0;
  p.steps_skipped = 1;
  p.running = names;
  p.running_count = 2;
  const uint64_t before = contractViolationCount();
  s->set_progress(s, &p);
  std::strcpy(name, "overwritten");
  sink.close();
  ASSERT_TRUE(sink.result().progress);
  const RunProgress& r = *sink.result().progress;
  EXPECT_EQ(r.stepsTotal, 5u);
  EXPECT_EQ(r.stepsCompleted, 1u);
  EXPECT_EQ(r.stepsRunning, 2u);
  EXPECT_EQ(r.stepsFailed, 0u);
  EXPECT_EQ(r.stepsSkipped, 1u);
  EXPECT_EQ(r.running, (std::vector<std::string>{"train_model", "score"})) << "copied before it returned";
  EXPECT_EQ(contractViolationCount(), before);
}

TEST(StatusSink, ProgressThatCannotBeTrueIsAViolationAndIgnored) {
  const psj_str names[] = {str("a"), str("b"), str("c")};
  psj_progress good{};
  good.struct_size = sizeof(psj_progress);
  good.steps_total = 3;
  good.steps_running = 2;
  good.running = names;
  good.running_count = 2;
  for (int i = 0; i < 3; ++i) {
    StatusSink sink(quietLogger(), "r1");
    const psj_status_sink* s = sink.get();
    psj_progress bad = good;
    if (i == 0) bad.struct_size = 8;      // not the 1.1 layout
    if (i == 1) bad.steps_completed = 2;  // 4 counted of 3
    if (i == 2) bad.running = nullptr;    // names promised, none given
    const uint64_t before = contractViolationCount();
    s->set_progress(s, &bad);
    EXPECT_EQ(contractViolationCount(), before + 1) << i;
    EXPECT_FALSE(sink.result().progress) << i;
  }
  StatusSink sink(quietLogger(), "r1");
  const uint64_t before = contractViolationCount();
  sink.get()->set_progress(sink.get(), nullptr);
  psj_progress tooManyNames = good;
  tooManyNames.running_count = 3;  // more names than running steps: the extra one is dropped
  sink.get()->set_progress(sink.get(), &tooManyNames);
  EXPECT_EQ(contractViolationCount(), before + 2);
  ASSERT_TRUE(sink.result().progress);
  EXPECT_EQ(sink.result().progress->running, (std::vector<std::string>{"a", "b"}));
}

TEST(RunSink, KeepsTheRunIdAndRejectsAnEmptyOne) {
  RunSink sink(quietLogger());
  const psj_run_sink* s = sink.get();
  const uint64_t before = contractViolationCount();
  s->set_run_id(s, "", 0);
  EXPECT_FALSE(sink.hasRunId());
  EXPECT_EQ(contractViolationCount(), before + 1);
  s->set_run_id(s, "run-1", 5);
  s->set_monitor_url(s, "https://m", 9);
  sink.close();
  EXPECT_TRUE(sink.hasRunId());
  EXPECT_EQ(sink.result().runId, "run-1");
  EXPECT_EQ(sink.result().monitorUrl, "https://m");
}

TEST(RunSink, ARunIdLongerThan1024BytesIsCut) {
  RunSink sink(quietLogger());
  const std::string longId(2000, 'a');
  sink.get()->set_run_id(sink.get(), longId.c_str(), longId.size());
  EXPECT_EQ(sink.result().runId.size(), 1024u);
}

TEST(ImportSink, CopiesJobsAndTheirParameterSchema) {
  ImportSink sink(quietLogger());
  const psj_parameter_schema p{sizeof(psj_parameter_schema),
                               PSJ_DIRECTION_INPUT,
                               PSJ_TYPE_INT,
                               PSJ_SCHEMA_HAS_DEFAULT | PSJ_SCHEMA_NOT_OVERRIDABLE,
                               str("n"),
                               str(""),
                               str("d")};
  const psj_parameter_schema* params[] = {&p};
  const psj_imported_job job{sizeof(psj_imported_job), 0, str("e1"), str("N"), str("D"), str("T"), params, 1};
  EXPECT_EQ(sink.get()->emit_job(sink.get(), &job), 0);
  sink.close();
  ASSERT_EQ(sink.jobs().size(), 1u);
  const ImportedJob& j = sink.jobs()[0];
  EXPECT_EQ(j.externalId, "e1");
  EXPECT_EQ(j.jobType, "T");
  ASSERT_EQ(j.parameters.size(), 1u);
  EXPECT_EQ(j.parameters[0].defaultValue, "") << "an empty default is still a default";
  EXPECT_FALSE(j.parameters[0].overridable);
  EXPECT_EQ(sink.get()->emit_job(sink.get(), &job), 1) << "after close the host wants no more jobs";
}

TEST(ImportSink, TruncatedOrNullJobsAreSkippedAsViolations) {
  ImportSink sink(quietLogger());
  psj_imported_job job{sizeof(psj_imported_job), 0, str("e1"), str("N"), str("D"), str("T"), nullptr, 0};
  job.struct_size = 8;
  const uint64_t before = contractViolationCount();
  sink.get()->emit_job(sink.get(), &job);
  sink.get()->emit_job(sink.get(), nullptr);
  job.struct_size = sizeof(psj_imported_job);
  job.parameter_count = 3;  // with NULL parameters
  sink.get()->emit_job(sink.get(), &job);
  EXPECT_EQ(contractViolationCount(), before + 3);
  ASSERT_EQ(sink.jobs().size(), 1u);
  EXPECT_TRUE(sink.jobs()[0].parameters.empty());
}

TEST(TextSink, CopiesTheText) {
  TextSink sink(quietLogger());
  sink.get()->set_text(sink.get(), "ok", 2);
  sink.close();
  EXPECT_EQ(sink.text(), "ok");
}

}  // namespace
