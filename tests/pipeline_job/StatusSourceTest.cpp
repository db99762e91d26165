// Where a poll reads a run's status (StatusSource): Run History first, ARM when the data plane cannot answer
// and once at the end of a run, ARM only when the setting says so; what a run costs each plane; and the
// next-poll hint under the data plane's budget. Every count is read from the emulator's journal.
#include <chrono>
#include <thread>
#include <vector>

#include "PipelineJobFixture.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

class StatusSourceTest : public PipelineJobTest {
 protected:
  // A run of a template that stays Running for 40 of the emulator's steps.
  core::RunResult runSlowTemplate() {
    addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
    return run(request("slow-template"));
  }
};

TEST_F(StatusSourceTest, AWholeRunCostsArmTheTemplateReadTheSubmissionAndOneFinalRead) {
  // Long enough (100 steps) to be seen live more than once on a loaded machine.
  addTemplate(
      "long-template", R"({"emulator.behavior":"slow","emulator.runningSteps":"100"})",
      R"({"greeting":{"jobInputType":"literal","value":"hello"}})",
      R"({"result":{"jobOutputType":"uri_folder","uri":"azureml://datastores/workspaceblobstore/paths/)"
      R"(${{name}}/result/"}})");
  const auto result = run(request("long-template"));
  ASSERT_EQ(count("jobs.get"), 1u) << "the template's read";
  ASSERT_EQ(count("jobs.put"), 1u);
  const auto reports = pollUntilTerminal(result.runId);
  ASSERT_GT(reports.size(), 2u) << "the run should be seen live more than once";
  EXPECT_EQ(reports.back().rawStatus, "Completed");
  // However many polls: ARM's job is read once more, at the end; the workspace once (discovery).
  EXPECT_EQ(count("jobs.get"), 2u);
  EXPECT_EQ(count("workspace"), 1u);
  EXPECT_EQ(count("discovery"), 1u);
  EXPECT_EQ(count("history.run"), reports.size());
  // The final ARM read carries what only ARM has: the outputs of the finished run.
  EXPECT_FALSE(reports.back().outputs.empty());
}

TEST_F(StatusSourceTest, ARunningRunReportsRunHistorysStartTimeAndTheMonitorUrlOfArm) {
  const auto result = runSlowTemplate();
  const core::StatusReport report = pollUntilRunning(result.runId);
  ASSERT_EQ(report.rawStatus, "Running");
  EXPECT_EQ(count("jobs.get"), 1u) << "the template's read only: the live run came from Run History";
  ASSERT_TRUE(report.startMs.has_value());
  EXPECT_FALSE(report.endMs.has_value());
  EXPECT_EQ(report.monitorUrl, result.monitorUrl) << "one link whichever plane answered";
}

TEST_F(StatusSourceTest, FirstPollsOfManyRunsAtOnceDiscoverOnce) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  std::vector<std::string> runIds;
  for (int i = 0; i < 6; ++i) runIds.push_back(run(request("slow-template")).runId);
  auto fresh = connect();
  clearJournal();
  std::vector<std::thread> threads;
  for (const auto& id : runIds) threads.emplace_back([&, id] { poll(id, {}, fresh.get()); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("workspace"), 1u) << "one ARM read of the workspace for the connection";
  EXPECT_EQ(count("discovery"), 1u);
  EXPECT_EQ(count("history.run"), runIds.size());
  EXPECT_EQ(count("jobs.get"), 0u);
}

TEST_F(StatusSourceTest, TheResourceManagerSettingReadsEveryPollFromArm) {
  auto armOnly = connect({{std::string(common::settings::kStatusSource),
                           std::string(common::settings::kStatusResourceManager)}});
  const auto result = run(request(kTrainTemplate), armOnly.get());
  clearJournal();
  const auto first = poll(result.runId, {}, armOnly.get());
  const auto second = poll(result.runId, {}, armOnly.get());
  EXPECT_EQ(count("jobs.get"), 2u);
  // A Running run's detail (its start time) still comes from Run History: discovered once, read once.
  EXPECT_LE(count("workspace"), 1u);
  EXPECT_LE(count("discovery"), 1u);
  EXPECT_LE(count("history.run"), 1u) << "at most the start time of a Running run, read once";
  EXPECT_FALSE(first.rawStatus.empty());
  EXPECT_FALSE(second.rawStatus.empty());
}

TEST_F(StatusSourceTest, TheSettingIsReadRegardlessOfCaseAndAutomaticIsTheDefault) {
  auto automatic = connect({{std::string(common::settings::kStatusSource), "automatic"}});
  auto armOnly = connect({{std::string(common::settings::kStatusSource), "resource manager"}});
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  clearJournal();
  poll(result.runId, {}, automatic.get());
  EXPECT_EQ(count("history.run"), 1u);
  EXPECT_EQ(count("jobs.get"), 0u);
  poll(result.runId, {}, armOnly.get());
  EXPECT_EQ(count("jobs.get"), 1u);
}

TEST_F(StatusSourceTest, AFailedDiscoveryFallsBackToArmAndIsNotRetriedOnEveryPoll) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  emulator->faults().add(azureml_emulator::Fault::parse("discovery:503,count=-1"));
  clearJournal();
  for (int i = 0; i < 4; ++i) {
    const auto report = poll(result.runId);
    EXPECT_FALSE(report.rawStatus.empty());
  }
  EXPECT_EQ(count("jobs.get"), 4u) << "every poll answered by ARM";
  EXPECT_EQ(count("workspace"), 1u) << "discovery tried once, not on every poll";
  EXPECT_EQ(count("history.run"), 0u);
}

TEST_F(StatusSourceTest, AHostThatFailsFallsBackToArmForThatPoll) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  poll(result.runId);                                                                 // discovery
  emulator->faults().add(azureml_emulator::Fault::parse("history.run:503,count=3"));  // the try and 2 retries
  clearJournal();
  const auto report = poll(result.runId);
  EXPECT_FALSE(report.rawStatus.empty());
  EXPECT_EQ(count("history.run"), 3u);
  EXPECT_EQ(count("jobs.get"), 1u);
  clearJournal();
  poll(result.runId);
  EXPECT_EQ(count("history.run"), 1u) << "the next poll asks the data plane again";
  EXPECT_EQ(count("jobs.get"), 0u);
}

TEST_F(StatusSourceTest, APollThatFoundRunHistoryFailingAsksItNothingMoreForTheStartTimeOrTheSteps) {
  const auto result = runSlowTemplate();
  const core::StatusReport report = pollUntilRunning(result.runId);
  ASSERT_EQ(report.rawStatus, "Running");
  // A fresh instance knows neither the start time nor the steps: a Running run would read both.
  auto fresh = connect();
  emulator->faults().add(azureml_emulator::Fault::parse("history.run:503,count=-1"));
  clearJournal();
  const auto failing = poll(result.runId, {}, fresh.get());
  EXPECT_EQ(failing.rawStatus, "Running") << "ARM answered";
  EXPECT_EQ(count("jobs.get"), 1u);
  EXPECT_EQ(count("history.run"), 3u) << "the try and 2 retries of the status read, and nothing more";
  EXPECT_EQ(count("history.children"), 0u);
  EXPECT_FALSE(failing.progress.has_value());
}

TEST_F(StatusSourceTest, AHostThatRefusesTheTokenIsLeftAloneForAWhile) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  poll(result.runId);  // discovery
  emulator->faults().add(azureml_emulator::Fault::parse("history.run:403,count=1"));
  clearJournal();
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(poll(result.runId).rawStatus.empty());
  EXPECT_EQ(count("history.run"), 1u) << "refused once, then not asked on every poll";
  EXPECT_EQ(count("jobs.get"), 3u);
}

TEST_F(StatusSourceTest, ARunTheDataPlaneDoesNotKnowIsAskedOfArm) {
  const auto error = expectError([&] { poll("no-such-run"); });
  EXPECT_EQ(error.code(), core::ErrorCode::NotFound);
  EXPECT_EQ(journal("history.run").back().status, 404);
  EXPECT_EQ(journal("jobs.get").back().status, 404);
}

// A data plane with a budget of 2 requests, refilled slowly: the third poll is refused by the data plane.
class DataPlaneBudgetTest : public StatusSourceTest {
 protected:
  azureml_emulator::EmulatorOptions makeOptions() override {
    auto options = StatusSourceTest::makeOptions();
    options.historyBucket = 2;
    options.historyRefillPerSecond = 0.05;
    return options;
  }
};

TEST_F(DataPlaneBudgetTest, A429FromTheDataPlaneGrowsTheHintAndIsNeverAFailedRun) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  const auto before = poll(result.runId);
  ASSERT_TRUE(before.nextPollMs.has_value());
  EXPECT_LT(*before.nextPollMs, 30000) << "a young run with budget left";
  poll(result.runId);  // the bucket's last token
  const auto throttled = poll(result.runId);
  ASSERT_FALSE(journal("history.run").empty());
  EXPECT_EQ(journal("history.run").back().status, 429);
  // The poll was answered (by ARM), not failed, and the hint grew before anything reached the host as an
  // error.
  EXPECT_FALSE(core::isTerminal(throttled.state));
  EXPECT_NE(throttled.state, core::RunState::Failed);
  EXPECT_EQ(journal("jobs.get").back().status, 200);
  ASSERT_TRUE(throttled.nextPollMs.has_value());
  EXPECT_GE(*throttled.nextPollMs, 30000) << *throttled.nextPollMs;
  // Booked to the data plane (x4, at least 30 s), not to ARM (whose 429 would make it x10: 50 s or more),
  // although the emulator serves both planes from one origin.
  EXPECT_LT(*throttled.nextPollMs, 50000) << *throttled.nextPollMs;
  // The data plane's 429 slows the runs read from Run History too, not only the one that met it.
  const auto next = poll(result.runId);
  ASSERT_TRUE(next.nextPollMs.has_value());
  EXPECT_GE(*next.nextPollMs, 30000) << *next.nextPollMs;
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
