// Cancel through the ABI: 202 or 200 accepted (Running with the raw status CancelRequested until Canceled), a
// finished run reports its final status, an unknown RunId is a clear not-found.
#include "E2eFixture.h"

namespace e2e {
namespace {

using CancelE2eTest = E2eTest;

TEST_F(CancelE2eTest, AcceptedCancelReportsCancelRequestedThenCancelled) {
  const std::string runId = connection->run(request(kScore)).runId;
  const auto status = connection->cancel(runId, {});
  EXPECT_EQ(status.runId, runId);
  EXPECT_EQ(status.state, PSJ_STATE_RUNNING);
  EXPECT_EQ(status.providerStatus, std::optional<std::string>("CancelRequested"));
  const auto cancels = journal("jobs.cancel");
  ASSERT_EQ(cancels.size(), 1u);
  EXPECT_EQ(cancels[0].method, "POST");
  EXPECT_EQ(cancels[0].path, emulator->workspaceArmId() + "/jobs/" + runId + "/cancel");
  EXPECT_EQ(cancels[0].status, 200) << "Azure answers a cancel 200 with an empty body";
  const auto last = pollUntilTerminal(runId).back();
  EXPECT_EQ(last.state, PSJ_STATE_CANCELLED);
  EXPECT_EQ(last.providerStatus, std::optional<std::string>("Canceled"));
}

TEST_F(CancelE2eTest, AnswerOf200IsAcceptedToo) {
  // Azure answers a cancel with 202, or 200 when it had nothing left to do: both mean accepted. Here the run
  // is live when the plugin reads it, but that answer trickles in (over half a second) while the run (150 ms)
  // finishes, so the cancel arrives after the end and is answered 200.
  const std::string runId = connection->run(request(kTrain)).runId;
  emulator->faults().add(
      azureml_emulator::Fault::parse("jobs.get:trickle,delayMs=50,chunkBytes=256,count=1"));
  const auto status = connection->cancel(runId, {});
  EXPECT_EQ(status.state, PSJ_STATE_RUNNING);
  EXPECT_EQ(status.providerStatus, std::optional<std::string>("CancelRequested"));
  const auto cancels = journal("jobs.cancel");
  ASSERT_EQ(cancels.size(), 1u);
  EXPECT_EQ(cancels[0].status, 200);
}

TEST_F(CancelE2eTest, FinishedRunReportsItsFinalStatus) {
  const std::string runId = connection->run(request(kTrain)).runId;
  ASSERT_EQ(pollUntilTerminal(runId).back().state, PSJ_STATE_SUCCESS);
  const auto status = connection->cancel(runId, {});
  EXPECT_EQ(status.state, PSJ_STATE_SUCCESS);
  EXPECT_EQ(status.providerStatus, std::optional<std::string>("Completed"));
  EXPECT_FALSE(status.monitorUrl->empty());
  // Nothing to cancel: the run's state was read, no cancel was asked for.
  EXPECT_EQ(count("jobs.cancel"), 0u);
}

TEST_F(CancelE2eTest, UnknownRunIdIsAClearNotFound) {
  const auto error = expectError([&] { connection->cancel("batch-score-template_nosuchrun", {}); });
  EXPECT_EQ(error.code(), PSJ_E_NOT_FOUND);
  EXPECT_NE(std::string(error.what()).find("batch-score-template_nosuchrun"), std::string::npos)
      << error.what();
}

}  // namespace
}  // namespace e2e
