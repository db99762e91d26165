// Poll: status mapping through the lifecycle, raw status, times, failure message, outputs, monitor URL,
// next-poll hint, the cost of a poll, statelessness and coalescing.
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "PipelineJobFixture.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

class PollTest : public PipelineJobTest {
 protected:
  // Polls from 8 threads released together while the one read of `route` is slowed down; their raw statuses.
  std::vector<std::string> pollTogether(const std::string& runId, const std::string& route,
                                        core::JobTypeInstance* on) {
    slowNextAnswer(route);
    constexpr int kThreads = 8;
    std::vector<std::thread> threads;
    std::vector<std::string> statuses(kThreads);
    std::atomic<int> ready{0};
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        ++ready;
        while (ready.load() < kThreads) std::this_thread::yield();
        statuses[static_cast<size_t>(i)] = poll(runId, {}, on).rawStatus;
      });
    }
    for (auto& t : threads) t.join();
    return statuses;
  }
};

TEST_F(PollTest, StatusFollowsTheRunThroughItsLifecycle) {
  const auto result = run(request(kTrainTemplate));
  const auto reports = pollUntilTerminal(result.runId);
  for (const auto& report : reports) {
    const std::string& raw = report.rawStatus;
    if (raw == "NotStarted" || raw == "Queued" || raw == "Preparing" || raw == "Starting" ||
        raw == "Provisioning") {
      EXPECT_EQ(report.state, core::RunState::Starting) << raw;
    } else if (raw == "Running" || raw == "Finalizing") {
      EXPECT_EQ(report.state, core::RunState::Running) << raw;
    } else {
      EXPECT_EQ(raw, "Completed");
      EXPECT_EQ(report.state, core::RunState::Success);
    }
  }
  EXPECT_EQ(reports.back().rawStatus, "Completed");
}

TEST_F(PollTest, EveryAzureStatusMapsAsTheContractSays) {
  const auto result = run(request(kTrainTemplate));
  const std::vector<std::pair<std::string, core::RunState>> table = {
      {"NotStarted", core::RunState::Starting},   {"Starting", core::RunState::Starting},
      {"Provisioning", core::RunState::Starting}, {"Preparing", core::RunState::Starting},
      {"Queued", core::RunState::Starting},       {"Running", core::RunState::Running},
      {"Finalizing", core::RunState::Running},    {"CancelRequested", core::RunState::Running},
      {"NotResponding", core::RunState::Unknown}, {"Paused", core::RunState::Unknown},
      {"Unknown", core::RunState::Unknown},       {"SomethingNew", core::RunState::Unknown},
      {"Completed", core::RunState::Success},     {"Failed", core::RunState::Failed},
      {"Canceled", core::RunState::Cancelled},    {"Unapproved", core::RunState::Starting},
      {"Pausing", core::RunState::Running},
  };
  // The emulator shows an overridden status on both planes. Run History's enum lacks Provisioning,
  // NotResponding and Unknown (and anything new): for those the job is read from ARM, which then answers.
  const std::set<std::string> armOnly = {"Provisioning", "NotResponding", "Unknown", "SomethingNew"};
  poll(result.runId);  // discovery, once
  for (const auto& [raw, state] : table) {
    ASSERT_TRUE(emulator->workspace().overrideStatus(result.runId, raw));
    clearJournal();
    const auto report = poll(result.runId);
    EXPECT_EQ(report.state, state) << raw;
    EXPECT_EQ(report.rawStatus, raw);
    EXPECT_EQ(count("history.run"), 1u) << raw;
    // ARM is read for a status only it knows, and once at the end (outputs, ARM's final status).
    const bool readsArm = armOnly.count(raw) > 0 || core::isTerminal(state);
    EXPECT_EQ(count("jobs.get"), readsArm ? 1u : 0u) << raw;
  }
}

TEST_F(PollTest, CommonCaseCostsOneRunHistoryGetAndNoArmRead) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  // The first poll of a Running run reads its start time and steps from Run History (paced: the next poll
  // within the interval reads neither), and may be the one that discovers the history host.
  for (int i = 0; i < 400 && poll(result.runId).rawStatus != "Running"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  clearJournal();
  const auto report = poll(result.runId);
  ASSERT_FALSE(core::isTerminal(report.state));
  const auto entries = emulator->journal().entries();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].route, "history.run");
  EXPECT_EQ(entries[0].path, "/history/v1.0" + emulator->workspaceArmId() + "/runs/" + result.runId);
  EXPECT_EQ(entries[0].status, 200);
}

TEST_F(PollTest, TimesComeFromRunHistoryWhenTheJobLacksThem) {
  // A job without azureml.pipelines.stages (the emulator adds them to a completed pipeline, as Azure does).
  addTemplate("no-stages-template", R"({"emulator.stages":"omit"})");
  const auto result = run(request("no-stages-template"));
  const auto last = pollUntilTerminal(result.runId).back();
  ASSERT_TRUE(last.startMs.has_value());
  ASSERT_TRUE(last.endMs.has_value());
  EXPECT_LE(*last.startMs, *last.endMs);
  const auto runs = journal("history.run");
  ASSERT_FALSE(runs.empty());
  EXPECT_NE(runs.back().path.find("/history/v1.0" + emulator->workspaceArmId() + "/runs/" + result.runId),
            std::string::npos)
      << runs.back().path;
  EXPECT_EQ(count("discovery"), 1u);
  // The discovery document is read as Azure's SDK reads it, without a token; Run History with the ARM token.
  EXPECT_EQ(journal("discovery").front().header("Authorization"), "");
  EXPECT_NE(runs.back().header("Authorization"), "");
  // The history host is discovered once per connection, not per poll.
  poll(result.runId);
  EXPECT_EQ(count("discovery"), 1u);
  EXPECT_EQ(count("workspace"), 1u);
}

TEST_F(PollTest, FailureMessageComesFromTheFailedStep) {
  addTemplate(
      "failing-template",
      R"({"emulator.behavior":"fail-in-child","emulator.failStep":"second_step","emulator.errorMessage":"Disk quota exceeded on node 3"})");
  const auto result = run(request("failing-template"));
  const auto last = pollUntilTerminal(result.runId).back();
  EXPECT_EQ(last.state, core::RunState::Failed);
  EXPECT_EQ(last.rawStatus, "Failed");
  EXPECT_NE(last.message.find("second_step"), std::string::npos) << last.message;
  EXPECT_NE(last.message.find("Disk quota exceeded on node 3"), std::string::npos) << last.message;
  EXPECT_FALSE(journal("history.children").empty());
}

TEST_F(PollTest, FailureMessageIsNeverEmpty) {
  addTemplate("failing-template", R"({"emulator.behavior":"fail"})");
  const auto result = run(request("failing-template"));
  const auto last = pollUntilTerminal(result.runId).back();
  EXPECT_EQ(last.state, core::RunState::Failed);
  EXPECT_FALSE(last.message.empty());
  // Even with Run History out of reach, the message points at the Monitor URL.
  emulator->faults().add(azureml_emulator::Fault::parse("history.run:404,count=-1"));
  emulator->faults().add(azureml_emulator::Fault::parse("history.children:404,count=-1"));
  const auto blind = poll(result.runId);
  EXPECT_EQ(blind.state, core::RunState::Failed);
  EXPECT_NE(blind.message.find(blind.monitorUrl), std::string::npos) << blind.message;
}

TEST_F(PollTest, OutputsAreWrittenBackOnCompletion) {
  const auto result = run(request(kTrainTemplate));
  const std::vector<core::Parameter> wanted = {
      output("model"), output("METRICS", core::Direction::InputOutput), output("not_an_output")};
  const auto last = pollUntilTerminal(result.runId, wanted).back();
  ASSERT_EQ(last.state, core::RunState::Success);
  ASSERT_EQ(last.outputs.size(), 2u);
  EXPECT_EQ(last.outputs[0].name, "model");
  EXPECT_EQ(last.outputs[1].name, "METRICS")
      << "matched case-insensitively, written back under the parameter's name";
  const std::string job = *emulator->workspace().renderJob(result.runId);
  for (const auto& out : last.outputs) {
    EXPECT_FALSE(out.value.empty());
    EXPECT_NE(job.find(out.value), std::string::npos) << out.value;
  }
}

TEST_F(PollTest, AllOutputsAreReportedWhenNoParameterNamesThem) {
  const auto result = run(request(kTrainTemplate));
  const auto last = pollUntilTerminal(result.runId).back();
  ASSERT_EQ(last.outputs.size(), 2u);
  EXPECT_EQ(last.outputs[0].name, "model");
  EXPECT_EQ(last.outputs[1].name, "metrics");
}

// Only Output and Input&Output parameters are written back; a run reference that carries inputs alone (or
// parameters without a direction, which behave like Input) names no output, so every output is reported.
TEST_F(PollTest, InputParametersOfTheRunNameNoOutputSoEveryOutputIsReported) {
  const auto result = run(request(kTrainTemplate));
  core::Parameter unset = input("model", "ignored");
  unset.direction = core::Direction::Unset;
  const auto last =
      pollUntilTerminal(result.runId, {input("epochs", "3", core::DataType::Int), unset}).back();
  ASSERT_EQ(last.state, core::RunState::Success);
  ASSERT_EQ(last.outputs.size(), 2u);
  EXPECT_EQ(last.outputs[0].name, "model");
  EXPECT_EQ(last.outputs[1].name, "metrics");
}

TEST_F(PollTest, ReportCarriesTheMonitorUrl) {
  const auto result = run(request(kTrainTemplate));
  const auto report = poll(result.runId);
  EXPECT_EQ(report.monitorUrl, result.monitorUrl);
  EXPECT_NE(report.monitorUrl.find("/runs/" + result.runId), std::string::npos) << report.monitorUrl;
  EXPECT_NE(report.monitorUrl.find("tid=" + emulator->options().tenant), std::string::npos)
      << report.monitorUrl;
}

TEST_F(PollTest, NextPollHintIsGivenUntilTheRunFinishes) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  const auto live = poll(result.runId);
  ASSERT_TRUE(live.nextPollMs.has_value());
  EXPECT_GT(*live.nextPollMs, 0);
  const auto finished = pollUntilTerminal(run(request(kTrainTemplate)).runId).back();
  EXPECT_FALSE(finished.nextPollMs.has_value());
}

class LowReadBudgetPollTest : public PipelineJobTest {
 protected:
  azureml_emulator::EmulatorOptions makeOptions() override {
    auto options = PipelineJobTest::makeOptions();
    options.readBucket = 40;  // ARM reports fewer than 50 reads left
    options.readRefillPerSecond = 1;
    return options;
  }
};

TEST_F(LowReadBudgetPollTest, NextPollHintBacksOffWhenArmsReadBudgetRunsLow) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  auto armOnly = connect({{std::string(common::settings::kStatusSource),
                           std::string(common::settings::kStatusResourceManager)}});
  const auto report = poll(result.runId, {}, armOnly.get());
  ASSERT_TRUE(report.nextPollMs.has_value());
  const auto reads = journal("jobs.get").back().status;
  EXPECT_EQ(reads, 200);
  // Once Running, the start time (which ARM's job lacks) is read from Run History once; the status never is.
  EXPECT_LE(count("history.run"), 1u);
  // Young run, live state: 5-10 s normally; times four with under 50 reads left.
  EXPECT_GE(*report.nextPollMs, 20000) << *report.nextPollMs;
}

TEST_F(LowReadBudgetPollTest, ARunHistoryPollIsNotSlowedByArmsBudgetItDoesNotSpend) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  const auto first = poll(result.runId);  // discovery reads the workspace from ARM: under 50 reads left now
  ASSERT_EQ(journal("workspace").back().status, 200);
  const auto report = poll(result.runId);
  ASSERT_TRUE(report.nextPollMs.has_value());
  EXPECT_EQ(journal("history.run").back().status, 200);
  // Young run, live state, read from Run History: 5-10 s, whatever ARM's reads.
  EXPECT_LE(*report.nextPollMs, 10000) << *report.nextPollMs;
  EXPECT_LE(*first.nextPollMs, 10000) << *first.nextPollMs;
}

TEST_F(PollTest, FreshInstancePollsARunCreatedByAnother) {
  const auto result = run(request(kTrainTemplate));
  auto other = connect();  // another process, or after a restart: nothing but the RunId
  const auto report = poll(result.runId, {}, other.get());
  EXPECT_NE(report.rawStatus, "");
  EXPECT_EQ(report.monitorUrl, result.monitorUrl);
}

TEST_F(PollTest, UnknownRunIdIsNotFound) {
  const auto error = expectError([&] { poll("no-such-run"); });
  EXPECT_EQ(error.code(), core::ErrorCode::NotFound);
  EXPECT_NE(error.message().find("no-such-run"), std::string::npos) << error.message();
}

TEST_F(PollTest, MalformedRunIdIsRefusedWithoutARequest) {
  const auto error = expectError([&] { poll("../../etc"); });
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidArgument);
  EXPECT_EQ(count("jobs.get"), 0u);
}

TEST_F(PollTest, ConcurrentPollsOfOneRunShareOneRequest) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  poll(result.runId);  // discovery, once
  clearJournal();
  const auto statuses = pollTogether(result.runId, "history.run", nullptr);
  EXPECT_LT(count("history.run"), statuses.size());
  EXPECT_EQ(count("jobs.get"), 0u);
  for (const auto& s : statuses) EXPECT_EQ(s, statuses.front());
  EXPECT_FALSE(statuses.front().empty());
}

TEST_F(PollTest, ConcurrentArmOnlyPollsOfOneRunShareOneRequest) {
  const auto result = run(request(kTrainTemplate));
  auto armOnly = connect({{std::string(common::settings::kStatusSource),
                           std::string(common::settings::kStatusResourceManager)}});
  clearJournal();
  const auto statuses = pollTogether(result.runId, "jobs.get", armOnly.get());
  EXPECT_LT(count("jobs.get"), statuses.size());
  EXPECT_LE(count("history.run"), 1u) << "at most the start time of a Running run, read once for all";
  for (const auto& s : statuses) EXPECT_FALSE(s.empty());
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
