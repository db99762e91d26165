// The plain-C Echo Job through the same harness: the ABI works without C++ and every callback answers.
#include <gtest/gtest.h>

#include "ContractSession.h"

namespace abitest {
namespace {

class EchoJob : public ::testing::Test {
 protected:
  ContractSession session{echoCase()};
  const psj_job_type* jt() { return session.jobType(); }
};

TEST_F(EchoJob, TestConnectionDescribesTheConnection) {
  ASSERT_TRUE(session.loaded());
  TestCallContext ctx;
  TextSink text;
  ASSERT_EQ(jt()->test_connection(session.instance(), ctx.get(), text.get()), PSJ_OK);
  ASSERT_TRUE(text.text().has_value());
  EXPECT_NE(text.text()->find("echo connection ok"), std::string::npos);
}

TEST_F(EchoJob, ImportEmitsTwoJobsWithParameterSchemas) {
  ASSERT_TRUE(session.loaded());
  TestCallContext ctx;
  ImportSink sink;
  const psj_import_request request = importRequest("");
  ASSERT_EQ(jt()->import_jobs(session.instance(), ctx.get(), &request, sink.get()), PSJ_OK);
  const auto jobs = sink.jobs();
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].externalId, "echo-text");
  EXPECT_EQ(jobs[0].jobType, "Echo Job");
  ASSERT_EQ(jobs[0].parameters.size(), 2u);
  EXPECT_EQ(jobs[0].parameters[0].name, "text");
  EXPECT_EQ(jobs[0].parameters[0].direction, PSJ_DIRECTION_INPUT);
  EXPECT_EQ(jobs[0].parameters[0].defaultValue, "hello");
  EXPECT_TRUE(jobs[0].parameters[0].flags & PSJ_SCHEMA_HAS_DEFAULT);
  EXPECT_EQ(jobs[0].parameters[1].direction, PSJ_DIRECTION_OUTPUT);
  EXPECT_EQ(jobs[1].parameters[1].dataType, PSJ_TYPE_SECRET);
}

TEST_F(EchoJob, ImportStopsWhenTheHostWantsNoMore) {
  ASSERT_TRUE(session.loaded());
  TestCallContext ctx;
  ImportSink sink(1);
  const psj_import_request request = importRequest("");
  ASSERT_EQ(jt()->import_jobs(session.instance(), ctx.get(), &request, sink.get()), PSJ_OK);
  EXPECT_EQ(sink.jobs().size(), 1u);
  EXPECT_EQ(sink.emitsAfterStop(), 0);
}

TEST_F(EchoJob, RunIdIsDerivedFromTheIdempotencyKey) {
  ASSERT_TRUE(session.loaded());
  RunRequestData request;
  request.externalId = "echo-text";
  request.idempotencyKey = "abc-123";
  const psj_run_request runRequest = request.get();
  std::string first;
  for (int attempt = 0; attempt < 2; ++attempt) {
    TestCallContext ctx;
    RunSink sink;
    ASSERT_EQ(jt()->run(session.instance(), ctx.get(), &runRequest, sink.get()), PSJ_OK);
    ASSERT_TRUE(sink.runId().has_value());
    if (attempt == 0) first = *sink.runId();
    EXPECT_EQ(*sink.runId(), first) << "a retry with the same key must return the same run";
    EXPECT_TRUE(sink.monitorUrl().has_value());
  }
  EXPECT_EQ(first, "echo-abc-123");
}

TEST_F(EchoJob, PollReportsRunningThenSuccessEchoingTheInput) {
  ASSERT_TRUE(session.loaded());
  RunRefData ref;
  ref.runId = "echo-poll-1";
  ref.parameters.add("text", PSJ_DIRECTION_INPUT, PSJ_TYPE_STRING, "hi there");
  ref.parameters.add("echo", PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, "");
  const psj_run_ref runRef = ref.get();
  TestCallContext c1;
  StatusSink first;
  ASSERT_EQ(jt()->poll(session.instance(), c1.get(), &runRef, first.get()), PSJ_OK);
  EXPECT_EQ(first.status().state, PSJ_STATE_RUNNING);
  TestCallContext c2;
  StatusSink second;
  ASSERT_EQ(jt()->poll(session.instance(), c2.get(), &runRef, second.get()), PSJ_OK);
  const RecordedStatus status = second.status();
  EXPECT_EQ(status.state, PSJ_STATE_SUCCESS);
  EXPECT_EQ(status.rawStatus, "Completed");
  ASSERT_EQ(status.outputs.size(), 1u);
  EXPECT_EQ(status.outputs[0].first, "echo");
  EXPECT_EQ(status.outputs[0].second, "hi there");
  EXPECT_TRUE(status.startMs.has_value() && status.endMs.has_value());
}

TEST_F(EchoJob, AFailedRunReportsWhy) {
  ASSERT_TRUE(session.loaded());
  RunRefData ref;
  ref.runId = "fail-1";
  const psj_run_ref runRef = ref.get();
  for (int i = 0; i < 2; ++i) {
    TestCallContext ctx;
    StatusSink sink;
    ASSERT_EQ(jt()->poll(session.instance(), ctx.get(), &runRef, sink.get()), PSJ_OK);
    if (i == 1) {
      EXPECT_EQ(sink.status().state, PSJ_STATE_FAILED);
      EXPECT_FALSE(sink.status().message.value_or("").empty());
    }
  }
}

TEST_F(EchoJob, CancelReportsCancelled) {
  ASSERT_TRUE(session.loaded());
  RunRefData ref;
  ref.runId = "echo-2";
  const psj_run_ref runRef = ref.get();
  TestCallContext ctx;
  StatusSink sink;
  ASSERT_EQ(jt()->cancel(session.instance(), ctx.get(), &runRef, sink.get()), PSJ_OK);
  EXPECT_EQ(sink.status().state, PSJ_STATE_CANCELLED);
}

TEST_F(EchoJob, UnknownJobsAndRunsAreNotFound) {
  ASSERT_TRUE(session.loaded());
  RunRequestData request;
  request.externalId = "no-such-job";
  const psj_run_request runRequest = request.get();
  TestCallContext c1;
  RunSink run;
  EXPECT_EQ(jt()->run(session.instance(), c1.get(), &runRequest, run.get()), PSJ_E_NOT_FOUND);
  RunRefData ref;
  ref.runId = "someone-elses-run";
  const psj_run_ref runRef = ref.get();
  TestCallContext c2;
  StatusSink status;
  EXPECT_EQ(jt()->cancel(session.instance(), c2.get(), &runRef, status.get()), PSJ_E_NOT_FOUND);
}

}  // namespace
}  // namespace abitest
