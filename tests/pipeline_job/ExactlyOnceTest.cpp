// Exactly once: with an idempotency key, a repeated run returns the same RunId and the workspace holds one
// job, whether the first attempt's answer arrived, was lost, or the host died before reading it.
#include "PipelineJobFixture.h"

namespace aifoundry::pipeline_job::testing {
namespace {

class ExactlyOnceTest : public PipelineJobTest {};

TEST_F(ExactlyOnceTest, SameKeyTwiceReturnsTheSameRunAndSubmitsOnce) {
  const size_t before = emulator->workspace().jobCount();
  const auto first = run(request(kTrainTemplate, {input("epochs", "5", core::DataType::Int)}, "task-run-17"));
  const auto second =
      run(request(kTrainTemplate, {input("epochs", "5", core::DataType::Int)}, "task-run-17"));
  EXPECT_EQ(first.runId, second.runId);
  EXPECT_EQ(emulator->workspace().jobCount(), before + 1);
  EXPECT_EQ(count("jobs.put"), 1u);
  const auto put = journal("jobs.put")[0];
  EXPECT_NE(put.body.find(R"("polysync.idempotencyKey":"task-run-17")"), std::string::npos) << put.body;
}

// The log lines written since line `from`, at `level` (the RecordingHost's "<level> text").
std::vector<std::string> linesSince(const RecordingHost& log, size_t from, core::LogLevel level) {
  const auto all = log.lines();
  const std::string prefix = std::to_string(static_cast<int>(level)) + " ";
  std::vector<std::string> picked;
  for (size_t i = from; i < all.size(); ++i)
    if (all[i].rfind(prefix, 0) == 0) picked.push_back(all[i]);
  return picked;
}

bool anyContains(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& line : lines)
    if (line.find(text) != std::string::npos) return true;
  return false;
}

TEST_F(ExactlyOnceTest, ThePreChecksNotFoundIsLoggedAtDebugNotInfo) {
  const size_t from = host->lines().size();
  const auto result = run(request(kTrainTemplate, {}, "quiet-pre-check"));
  ASSERT_EQ(count("jobs.get"), 2u) << "the template, then the pre-check";
  EXPECT_EQ(journal("jobs.get")[1].status, 404);
  EXPECT_TRUE(
      anyContains(linesSince(*host, from, core::LogLevel::Debug), "/jobs/" + result.runId + " -> 404"))
      << host->allText();
  EXPECT_FALSE(anyContains(linesSince(*host, from, core::LogLevel::Info), "404")) << host->allText();
  EXPECT_TRUE(
      anyContains(linesSince(*host, from, core::LogLevel::Info), "submitted run '" + result.runId + "'"))
      << host->allText();
}

TEST_F(ExactlyOnceTest, ARepeatedRunFindsItsRunAndDoesNotSaySubmitted) {
  const auto first = run(request(kTrainTemplate, {}, "said-once"));
  const size_t from = host->lines().size();
  const auto again = run(request(kTrainTemplate, {}, "said-once"));
  ASSERT_EQ(again.runId, first.runId);
  std::vector<std::string> said = linesSince(*host, from, core::LogLevel::Info);
  for (const auto& line : linesSince(*host, from, core::LogLevel::Debug)) said.push_back(line);
  EXPECT_FALSE(anyContains(said, "submitted")) << host->allText();
  EXPECT_TRUE(
      anyContains(linesSince(*host, from, core::LogLevel::Info), "already exists for this idempotency key"))
      << host->allText();
}

TEST_F(ExactlyOnceTest, DifferentKeysSubmitDifferentRuns) {
  const auto a = run(request(kTrainTemplate, {}, "key-a"));
  const auto b = run(request(kTrainTemplate, {}, "key-b"));
  EXPECT_NE(a.runId, b.runId);
  EXPECT_EQ(count("jobs.put"), 2u);
}

TEST_F(ExactlyOnceTest, LostPutResponseIsRetriedAndStillOneJob) {
  const size_t before = emulator->workspace().jobCount();
  azureml_emulator::Fault lost;
  lost.route = "jobs.put";
  lost.kind = azureml_emulator::FaultKind::PutAppliedResponseLost;
  emulator->faults().add(lost);
  const auto result = run(request(kTrainTemplate, {}, "lost-answer"));
  EXPECT_TRUE(emulator->workspace().exists(result.runId));
  EXPECT_EQ(emulator->workspace().jobCount(), before + 1);
  const auto puts = journal("jobs.put");
  ASSERT_EQ(puts.size(), 2u) << "the keyed PUT is repeated once its answer is lost";
  EXPECT_EQ(puts[0].path, puts[1].path);
  EXPECT_EQ(puts[0].header("x-ms-client-request-id"), puts[1].header("x-ms-client-request-id"));
  // And a later retry of the whole run (the host timed out meanwhile) returns the same RunId.
  EXPECT_EQ(run(request(kTrainTemplate, {}, "lost-answer")).runId, result.runId);
  EXPECT_EQ(emulator->workspace().jobCount(), before + 1);
}

TEST_F(ExactlyOnceTest, AnswerLostEveryTimeStillFindsTheAppliedRun) {
  const size_t before = emulator->workspace().jobCount();
  azureml_emulator::Fault lost;
  lost.route = "jobs.put";
  lost.kind = azureml_emulator::FaultKind::PutAppliedResponseLost;
  lost.count = -1;
  emulator->faults().add(lost);
  const auto result = run(request(kTrainTemplate, {}, "always-lost"));
  EXPECT_TRUE(emulator->workspace().exists(result.runId));
  EXPECT_EQ(emulator->workspace().jobCount(), before + 1);
}

TEST_F(ExactlyOnceTest, HostKilledAfterSendingThePutFindsTheRunOnRetry) {
  // The first attempt's PUT reached Azure, but the host died before reading the answer: simulate it by
  // creating the run with one instance, then retrying the run from a fresh instance (a new process).
  const auto first =
      run(request(kScoreTemplate, {input("batch_size", "64", core::DataType::Int)}, "crash-key"));
  clearJournal();
  auto restarted = connect();
  const auto retried =
      run(request(kScoreTemplate, {input("batch_size", "64", core::DataType::Int)}, "crash-key"),
          restarted.get());
  EXPECT_EQ(retried.runId, first.runId);
  EXPECT_EQ(count("jobs.put"), 0u) << "the existing run is returned, nothing submitted";
}

TEST_F(ExactlyOnceTest, OnlyAKeyedPutIsRetriedAfterALostAnswer) {
  // Every PUT loses its connection before an answer. (The transport may replay any request once on a reused
  // keep-alive connection that died before answering; the retry policy repeats only PUTs marked idempotent.)
  emulator->faults().add(azureml_emulator::Fault::parse("jobs.put:reset-before-headers,count=-1"));
  const auto unkeyed = expectError([&] { run(request(kTrainTemplate)); });
  EXPECT_EQ(unkeyed.code(), core::ErrorCode::Unavailable) << unkeyed.message();
  const size_t unkeyedPuts = count("jobs.put");
  clearJournal();
  const auto keyed = expectError([&] { run(request(kTrainTemplate, {}, "never-answered")); });
  EXPECT_EQ(keyed.code(), core::ErrorCode::Unavailable) << keyed.message();
  EXPECT_GT(count("jobs.put"), unkeyedPuts) << "the keyed PUT is retried, the random-name one is not";
  // Before giving up, the keyed run looks for the job its PUTs may have created.
  const auto puts = journal("jobs.put");
  const auto gets = journal("jobs.get");
  ASSERT_FALSE(gets.empty());
  EXPECT_EQ(gets.back().path, puts.back().path);
}

TEST_F(ExactlyOnceTest, RunsWithoutAKeyGetDistinctValidNames) {
  const auto a = run(request(kTrainTemplate));
  const auto b = run(request(kTrainTemplate));
  EXPECT_NE(a.runId, b.runId);
  for (const auto& id : {a.runId, b.runId}) {
    EXPECT_LE(id.size(), 255u);
    EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
