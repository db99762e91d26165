// Cancel: 200/202 accepted -> Running with raw CancelRequested, then Canceled -> Cancelled; a finished run
// reports its final status; an unknown RunId is NotFound; works from a fresh instance (stateless).
#include "PipelineJobFixture.h"

namespace aifoundry::pipeline_job::testing {
namespace {

class CancelTest : public PipelineJobTest {
 protected:
  std::string slowRun() {
    addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
    return run(request("slow-template")).runId;
  }
};

TEST_F(CancelTest, AcceptedCancelReportsRunningThenCancelled) {
  const std::string runId = slowRun();
  const auto report = cancel(runId);
  EXPECT_EQ(report.state, core::RunState::Running);
  EXPECT_EQ(report.rawStatus, "CancelRequested");
  EXPECT_FALSE(report.monitorUrl.empty());
  const auto posts = journal("jobs.cancel");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].method, "POST");
  EXPECT_EQ(posts[0].path, emulator->workspaceArmId() + "/jobs/" + runId + "/cancel");
  EXPECT_EQ(posts[0].status, 200) << "Azure answers a cancel 200 with an empty body";
  const auto last = pollUntilTerminal(runId).back();
  EXPECT_EQ(last.state, core::RunState::Cancelled);
  EXPECT_EQ(last.rawStatus, "Canceled");
}

TEST_F(CancelTest, FinishedRunReportsItsFinalStatus) {
  const std::string runId = run(request(kTrainTemplate)).runId;
  pollUntilTerminal(runId);
  const auto report = cancel(runId);
  EXPECT_EQ(report.state, core::RunState::Success);
  EXPECT_EQ(report.rawStatus, "Completed");
  EXPECT_EQ(count("jobs.cancel"), 0u);
}

TEST_F(CancelTest, UnknownRunIdIsNotFound) {
  const auto error = expectError([&] { cancel("never-submitted-run"); });
  EXPECT_EQ(error.code(), core::ErrorCode::NotFound);
  EXPECT_NE(error.message().find("never-submitted-run"), std::string::npos) << error.message();
  EXPECT_EQ(count("jobs.cancel"), 0u);
}

TEST_F(CancelTest, FreshInstanceCancelsARunCreatedByAnother) {
  const std::string runId = slowRun();
  auto other = connect();
  const auto report = cancel(runId, other.get());
  EXPECT_EQ(report.rawStatus, "CancelRequested");
  EXPECT_EQ(count("jobs.cancel"), 1u);
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
