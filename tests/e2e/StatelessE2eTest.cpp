// Statelessness: poll and cancel need only the RunId and the connection — from a fresh instance after the
// first is gone (a restart), and from another process (the stub host's command line).
#include "E2eFixture.h"

namespace e2e {
namespace {

using StatelessE2eTest = E2eTest;

TEST_F(StatelessE2eTest, FreshInstancePollsAndCancelsARunItNeverSaw) {
  const std::string runId = connection->run(request(kScore)).runId;
  connection.reset();  // the instance that ran it is gone
  connection = connect();
  const auto polled = connection->poll(runId, {});
  EXPECT_EQ(polled.runId, runId);
  EXPECT_TRUE(polled.providerStatus.has_value());
  const auto cancelled = connection->cancel(runId, {});
  EXPECT_EQ(cancelled.providerStatus, std::optional<std::string>("CancelRequested"));
  EXPECT_EQ(pollUntilTerminal(runId).back().state, PSJ_STATE_CANCELLED);
}

TEST_F(StatelessE2eTest, AnotherProcessPollsAndCancelsWithOnlyTheRunId) {
  // Running for 10 s (400 steps): two processes start and answer well before it ends, even on a loaded
  // machine.
  addTemplate("slow-template", R"({"emulator.behavior":"slow","emulator.runningSteps":"400"})");
  const std::string runId = connection->run(request("slow-template")).runId;

  const auto polled = cli({"poll", "--job-type", kJobType, runId});
  ASSERT_EQ(polled.exitCode, 0) << polled.err;
  const auto poll = polled.json();
  EXPECT_EQ(poll->getValue<std::string>("runId"), runId);
  EXPECT_TRUE(poll->has("providerStatus") && !poll->isNull("providerStatus")) << polled.out;
  EXPECT_EQ(poll->getValue<std::string>("monitorUrl").find("https://ml.azure.com/runs/" + runId), 0u)
      << polled.out;

  const auto cancelled = cli({"cancel", "--job-type", kJobType, runId});
  ASSERT_EQ(cancelled.exitCode, 0) << cancelled.err;
  EXPECT_EQ(cancelled.json()->getValue<std::string>("status"), "Running") << cancelled.out;
  EXPECT_EQ(cancelled.json()->getValue<std::string>("providerStatus"), "CancelRequested") << cancelled.out;
  const auto cancels = journal("jobs.cancel");
  ASSERT_EQ(cancels.size(), 1u);
  EXPECT_EQ(cancels[0].status, 200) << "Azure answers a cancel 200 with an empty body";
  // This process sees the cancellation the other one asked for.
  EXPECT_EQ(pollUntilTerminal(runId).back().state, PSJ_STATE_CANCELLED);
}

}  // namespace
}  // namespace e2e
