// Progress you can watch: a Running pipeline's start time and step progress from Run History (its run and
// its child step runs, as Azure's SDK reads them), paced per run (PacedReads), shared by concurrent polls;
// ARM reads per poll stay at one.
#include <atomic>
#include <thread>

#include "PipelineJobFixture.h"
#include "pipeline_job/PacedReads.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

using std::chrono::milliseconds;

// ---- PacedReads on its own, with a clock the test moves
// -----------------------------------------------------

struct FakeClock {
  std::shared_ptr<std::atomic<long long>> now = std::make_shared<std::atomic<long long>>(0);
  PacedReads<int>::Clock clock() const {
    auto at = now;
    return [at] { return milliseconds(at->load()); };
  }
};

TEST(PacedReads, ReadsAtMostOncePerRunPerIntervalAndServesTheLastValueBetween) {
  FakeClock time;
  PacedReads<int> paced(milliseconds(1000), time.clock());
  int reads = 0;
  const auto read = [&] { return std::optional<int>(++reads); };
  EXPECT_EQ(paced.get("run-a", read), 1);
  *time.now = 999;
  EXPECT_EQ(paced.get("run-a", read), 1) << "within the interval: the last value, no read";
  EXPECT_EQ(paced.get("run-b", read), 2) << "each run has its own pace";
  *time.now = 1000;
  EXPECT_EQ(paced.get("run-a", read), 3);
  EXPECT_EQ(paced.reads(), 3u);
}

TEST(PacedReads, AReadThatLearnsNothingKeepsTheLastValueAndStillCountsForThePace) {
  FakeClock time;
  PacedReads<int> paced(milliseconds(100), time.clock());
  EXPECT_EQ(paced.get("run", [] { return std::optional<int>(7); }), 7);
  *time.now = 100;
  EXPECT_EQ(paced.get("run", [] { return std::optional<int>(); }), 7);
  EXPECT_EQ(paced.get("run", [] { return std::optional<int>(8); }), 7) << "the empty read set the pace";
  EXPECT_THROW(paced.get("other", []() -> std::optional<int> { throw std::runtime_error("stop"); }),
               std::runtime_error);
  *time.now = 200;
  EXPECT_EQ(paced.get("other", [] { return std::optional<int>(9); }), 9)
      << "a failed read does not block the run";
}

TEST(PacedReads, ForgottenRunsAreReadAfreshAndPutCostsNoRead) {
  FakeClock time;
  PacedReads<int> paced(milliseconds(1000), time.clock());
  paced.put("run", 5);
  EXPECT_EQ(paced.get("run", [] { return std::optional<int>(6); }), 5);
  EXPECT_EQ(paced.reads(), 0u);
  paced.forget("run");
  EXPECT_FALSE(paced.peek("run"));
  EXPECT_EQ(paced.get("run", [] { return std::optional<int>(6); }), 6);
}

TEST(PacedReads, CallersArrivingDuringAReadGetTheLastValueWithoutWaitingOrReading) {
  PacedReads<int> paced(milliseconds(0));  // every call may read, unless a read of the run is under way
  std::atomic<bool> release{false};
  std::atomic<int> reads{0};
  std::thread reader([&] {
    paced.get("run", [&] {
      ++reads;
      while (!release.load()) std::this_thread::yield();
      return std::optional<int>(1);
    });
  });
  while (reads.load() == 0) std::this_thread::yield();
  constexpr int kThreads = 6;
  std::vector<std::thread> others;
  std::atomic<int> empty{0};
  for (int i = 0; i < kThreads; ++i)
    others.emplace_back([&] {
      if (!paced.get("run", [&] { return std::optional<int>(++reads); })) ++empty;
    });
  for (auto& t : others) t.join();
  release = true;
  reader.join();
  EXPECT_EQ(reads.load(), 1) << "one read in flight per run";
  EXPECT_EQ(empty.load(), kThreads) << "nothing was known yet, and nobody waited";
}

TEST(PacedReads, MemoryStaysBoundedWhateverTheNumberOfRuns) {
  FakeClock time;
  PacedReads<int> paced(milliseconds(1000), time.clock());
  for (std::size_t i = 0; i < PacedReads<int>::kMaxRuns + 10; ++i) {
    *time.now = static_cast<long long>(i);
    paced.get("run-" + std::to_string(i), [] { return std::optional<int>(1); });
  }
  EXPECT_FALSE(paced.peek("run-0")) << "the run read longest ago made room";
  EXPECT_TRUE(paced.peek("run-" + std::to_string(PacedReads<int>::kMaxRuns + 9)));
}

// ---- Through the job type, against the emulator ---------------------------------------------------------

class ProgressTest : public PipelineJobTest {
 protected:
  ProgressTest() { liveDetailInterval = milliseconds(0); }  // every poll reads: the steps can be followed
  core::StatusReport runningReport(const std::string& runId) { return pollUntilRunning(runId); }
};

TEST_F(ProgressTest, ARunningPipelineReportsItsStepsAndItsStartTimeFromRunHistory) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  const auto report = runningReport(result.runId);
  ASSERT_TRUE(report.progress) << "a Running pipeline has progress";
  EXPECT_EQ(report.progress->total, 2u) << "the template's two steps";
  EXPECT_EQ(report.progress->failed + report.progress->skipped, 0u);
  EXPECT_GE(report.progress->completed + report.progress->running, 1u)
      << "a step runs once the pipeline does";
  EXPECT_LE(report.progress->completed + report.progress->running, report.progress->total);
  EXPECT_LE(report.progress->runningNames.size(), core::StepProgress::kMaxRunningNames);
  ASSERT_TRUE(report.startMs) << "ARM's pipeline job has no start time: Run History's run gives it";
  // The requests Azure's SDK makes: the run, and the run's children.
  const auto children = journal("history.children");
  ASSERT_FALSE(children.empty());
  EXPECT_NE(children.back().path.find("/history/v1.0" + emulator->workspaceArmId() + "/runs/" + result.runId +
                                      "/children"),
            std::string::npos)
      << children.back().path;
  EXPECT_FALSE(journal("history.run").empty());
}

TEST_F(ProgressTest, StepsAdvanceAsThePipelineRunsAndAFinishedRunReportsNoProgress) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  const auto reports = pollUntilTerminal(result.runId);
  std::uint32_t done = 0;
  bool sawRunningName = false;
  for (const auto& report : reports) {
    if (!report.progress) continue;
    const std::uint32_t now = report.progress->completed + report.progress->skipped;
    EXPECT_GE(now, done) << "steps never go back";
    done = now;
    for (const auto& name : report.progress->runningNames) {
      EXPECT_TRUE(name == "first_step" || name == "second_step") << name;
      sawRunningName = true;
    }
  }
  EXPECT_TRUE(sawRunningName);
  EXPECT_EQ(reports.back().rawStatus, "Completed");
  EXPECT_FALSE(reports.back().progress) << "progress is for a run still going";
  ASSERT_TRUE(reports.back().startMs);
}

// With `Status Source` = `Resource Manager` the status read (ARM's job) has no start time: Run History is
// read for it, until it is known.
TEST_F(ProgressTest, ArmOnlyReadsTheStartTimeUntilKnownThenNeverAgain) {
  auto armOnly = connect({{std::string(common::settings::kStatusSource),
                           std::string(common::settings::kStatusResourceManager)}});
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"), armOnly.get());
  const auto first = pollUntilRunning(result.runId, armOnly.get());
  ASSERT_TRUE(first.startMs);
  clearJournal();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(poll(result.runId, {}, armOnly.get()).startMs, first.startMs);
  EXPECT_EQ(count("history.run"), 0u) << "a start time does not change: it is not read again";
  EXPECT_EQ(count("history.children"), 3u) << "interval 0: progress is read on every poll";
  EXPECT_EQ(count("jobs.get"), 3u);
}

// By default the poll's status read is Run History's run, which carries the start time: no request of its
// own.
TEST_F(ProgressTest, TheDataPlaneStatusReadGivesTheStartTimeWithNoFurtherRequest) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  const auto first = runningReport(result.runId);
  ASSERT_TRUE(first.startMs);
  clearJournal();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(poll(result.runId).startMs, first.startMs);
  EXPECT_EQ(count("history.run"), 3u) << "one status read per poll, and nothing more for the start time";
  EXPECT_EQ(count("history.children"), 3u) << "interval 0: progress is read on every poll";
  EXPECT_EQ(count("jobs.get"), 0u);
}

class PacedProgressTest : public PipelineJobTest {};  // the default interval (20 s)

// Between paced reads a poll costs only its status read, whichever plane it reads.
TEST_F(PacedProgressTest, RepeatedPollsWithinTheIntervalCostOnlyTheirStatusRead) {
  for (const bool armOnly : {false, true}) {
    SCOPED_TRACE(armOnly ? "Status Source = Resource Manager" : "Status Source = Automatic");
    auto connection = armOnly ? connect({{std::string(common::settings::kStatusSource),
                                          std::string(common::settings::kStatusResourceManager)}})
                              : connect();
    addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
    const auto result = run(request("slow-template"), connection.get());
    const auto first = pollUntilRunning(result.runId, connection.get());
    ASSERT_TRUE(first.progress);
    clearJournal();
    constexpr int kPolls = 5;
    for (int i = 0; i < kPolls; ++i) {
      const auto report = poll(result.runId, {}, connection.get());
      if (report.rawStatus != "Running") break;
      ASSERT_TRUE(report.progress) << "between reads, the last progress read";
      EXPECT_EQ(report.progress->total, first.progress->total);
      EXPECT_EQ(report.startMs, first.startMs);
    }
    EXPECT_EQ(count("history.children"), 0u);
    const std::string statusRead = armOnly ? "jobs.get" : "history.run";
    EXPECT_EQ(count(armOnly ? "history.run" : "jobs.get"), 0u);
    EXPECT_EQ(emulator->journal().entries().size(), count(statusRead)) << "nothing but the status read";
  }
}

TEST_F(PacedProgressTest, ConcurrentPollsOfARunningPipelineReadItsStepsOnce) {
  addTemplate("slow-template", R"({"emulator.behavior":"slow"})");
  const auto result = run(request("slow-template"));
  pollUntilRunning(result.runId);
  // A fresh instance (no pacing state yet, signed in and with the history host found): every thread polls
  // the Running run at once.
  auto shared = connect();
  testConnection(shared.get());
  clearJournal();
  // The status read is slowed down so the threads overlap; even so a thread the machine holds back may poll
  // after the shared status read ended and read the status again (that sharing is PollTest's). The steps are
  // read once within the interval however the threads are scheduled.
  slowNextAnswer("history.run");
  constexpr int kThreads = 6;
  std::vector<std::thread> threads;
  std::atomic<int> ready{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      poll(result.runId, {}, shared.get());
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(count("history.children"), 1u);
  EXPECT_LT(count("history.run"), static_cast<size_t>(kThreads));
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
