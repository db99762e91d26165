// Exactly once through the ABI: with an idempotency key a repeated run — plainly repeated, from a fresh
// instance, after a lost answer, after a request timeout — returns the same RunId and the workspace holds
// one job.
#include "E2eFixture.h"

namespace e2e {
namespace {

using ExactlyOnceE2eTest = E2eTest;
using azureml_emulator::Fault;

TEST_F(ExactlyOnceE2eTest, SameKeyReturnsTheSameRunAndSubmitsOnce) {
  const auto first =
      connection->run(request(kTrain, {input("epochs", "4", PSJ_TYPE_INT)}, "nightly-2024-06-01"));
  const auto again =
      connection->run(request(kTrain, {input("epochs", "4", PSJ_TYPE_INT)}, "nightly-2024-06-01"));
  auto restarted = connect();  // as after a host restart: a new instance knows nothing of the first run
  const auto third =
      restarted->run(request(kTrain, {input("epochs", "4", PSJ_TYPE_INT)}, "nightly-2024-06-01"));
  EXPECT_EQ(again.runId, first.runId);
  EXPECT_EQ(third.runId, first.runId);
  EXPECT_EQ(runsInWorkspace(), 1u);
  const auto puts = journal("jobs.put");
  ASSERT_FALSE(puts.empty());
  EXPECT_EQ(puts[0].status, 201);
  for (size_t i = 1; i < puts.size(); ++i) EXPECT_EQ(puts[i].status, 200) << "a repeat never creates a job";
  EXPECT_EQ(memberJson(puts[0].body, {"properties", "tags", "polysync.idempotencyKey"}),
            "\"nightly-2024-06-01\"");
}

TEST_F(ExactlyOnceE2eTest, DifferentKeysAreDifferentRuns) {
  const auto a = connection->run(request(kTrain, {}, "key-a"));
  const auto b = connection->run(request(kTrain, {}, "key-b"));
  EXPECT_NE(a.runId, b.runId);
  EXPECT_EQ(runsInWorkspace(), 2u);
}

TEST_F(ExactlyOnceE2eTest, LostPutAnswerStillOneJob) {
  emulator->faults().add(Fault::parse("jobs.put:put-applied-response-lost,count=1"));
  const auto submission = connection->run(request(kScore, {}, "lost-answer-key"));
  EXPECT_EQ(runsInWorkspace(), 1u);
  EXPECT_TRUE(emulator->workspace().exists(submission.runId));
  const auto puts = journal("jobs.put");
  ASSERT_GE(puts.size(), 1u);
  EXPECT_EQ(puts[0].status, 0) << "the first answer was lost";
  EXPECT_EQ(connection->run(request(kScore, {}, "lost-answer-key")).runId, submission.runId);
  EXPECT_EQ(runsInWorkspace(), 1u);
}

TEST_F(ExactlyOnceE2eTest, PutThatTimedOutStillOneJob) {
  // The PUT is applied but its answer trickles in far slower than the 1 s request timeout.
  emulator->faults().add(Fault::parse("jobs.put:trickle,delayMs=1500,chunkBytes=1,count=1"));
  auto impatient = connect({{"Request Timeout Seconds", "1"}});
  std::string runId;
  try {
    runId = impatient->run(request(kScore, {}, "timed-out-key")).runId;
  } catch (const host::OperationError& e) {
    // Giving up is allowed; a second job is not. The host retries with the same key.
    EXPECT_TRUE(e.code() == PSJ_E_TIMEOUT || e.code() == PSJ_E_UNAVAILABLE) << e.code() << " " << e.what();
    emulator->faults().clear();
    runId = connection->run(request(kScore, {}, "timed-out-key")).runId;
  }
  const auto puts = journal("jobs.put");
  ASSERT_GE(puts.size(), 1u);
  EXPECT_EQ(puts[0].path, emulator->workspaceArmId() + "/jobs/" + runId)
      << "the retry found the first PUT's job";
  EXPECT_EQ(runsInWorkspace(), 1u);
}

}  // namespace
}  // namespace e2e
