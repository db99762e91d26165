// Poll through the ABI: the contract's status table, the raw status beside it, times from Run History, a
// failure message that is never empty, outputs on a terminal status, the Monitor URL and a next-poll hint.
#include "E2eFixture.h"

namespace e2e {
namespace {

using PollE2eTest = E2eTest;

TEST_F(PollE2eTest, RunWalksToSuccessWithTimesOutputsAndMonitorUrl) {
  const auto submission = connection->run(request(kTrain, {input("epochs", "3", PSJ_TYPE_INT)}));
  const std::vector<host::RunParameter> wanted{output("model"), output("METRICS", PSJ_DIRECTION_INPUT_OUTPUT),
                                               output("not_an_output")};
  const auto seen = pollUntilTerminal(submission.runId, wanted);
  int previous = PSJ_STATE_UNKNOWN;
  for (const auto& status : seen) {
    EXPECT_EQ(status.runId, submission.runId);
    EXPECT_TRUE(status.state == PSJ_STATE_STARTING || status.state == PSJ_STATE_RUNNING ||
                status.state == PSJ_STATE_SUCCESS)
        << status.state;
    EXPECT_GE(status.state, previous) << "states only move forward";
    previous = status.state;
    ASSERT_TRUE(status.providerStatus.has_value()) << "the raw Azure status is always reported";
    EXPECT_EQ(status.monitorUrl, submission.monitorUrl);
    if (!PSJ_STATE_IS_TERMINAL(status.state)) {
      ASSERT_TRUE(status.nextPollMs.has_value());
      EXPECT_GT(*status.nextPollMs, 0);
      EXPECT_TRUE(status.outputs.empty()) << "outputs only on a terminal status";
    }
  }
  const auto& last = seen.back();
  ASSERT_EQ(last.state, PSJ_STATE_SUCCESS);
  EXPECT_EQ(last.providerStatus, std::optional<std::string>("Completed"));
  // The ARM job's own members carry no times; a completed pipeline's azureml.pipelines.stages does (and Run
  // History has them too).
  ASSERT_TRUE(last.startTimeMs.has_value());
  ASSERT_TRUE(last.endTimeMs.has_value());
  EXPECT_LE(*last.startTimeMs, *last.endTimeMs);
  EXPECT_NE(emulator->workspace().renderJob(submission.runId)->find("azureml.pipelines.stages"),
            std::string::npos);
  // Outputs written back under the parameters' names (METRICS matched case-insensitively), as on the job.
  ASSERT_EQ(last.outputs.size(), 2u);
  EXPECT_EQ(last.outputs[0].first, "model");
  EXPECT_EQ(last.outputs[1].first, "METRICS");
  const std::string job = *emulator->workspace().renderJob(submission.runId);
  EXPECT_EQ("\"" + last.outputs[0].second + "\"", memberJson(job, {"properties", "outputs", "model", "uri"}));
  EXPECT_EQ("\"" + last.outputs[1].second + "\"",
            memberJson(job, {"properties", "outputs", "metrics", "uri"}));
  // Each run's outputs are its own: under its name, not the template's.
  EXPECT_NE(last.outputs[0].second.find("/" + submission.runId + "/"), std::string::npos)
      << last.outputs[0].second;
  EXPECT_EQ(last.outputs[0].second.find("/" + std::string(kTrain) + "/"), std::string::npos)
      << last.outputs[0].second;
  ASSERT_TRUE(last.monitorUrl.has_value());
  // Azure's Studio link names no tenant; the plugin adds it (as Azure's Python SDK does) so Studio signs in
  // to the right directory.
  const std::string studio = memberJson(job, {"properties", "services", "Studio", "endpoint"});
  EXPECT_EQ("\"" + *last.monitorUrl + "\"",
            studio.substr(0, studio.size() - 1) + "&tid=" + emulator->options().tenant + "\"");
  // Every poll is a GET of the job (plus Run History), never a write.
  for (const auto& get : journal("jobs.get")) {
    if (get.path.find(submission.runId) != std::string::npos) {
      EXPECT_EQ(get.method, "GET");
    }
  }
}

TEST_F(PollE2eTest, EveryAzureStatusMapsAsTheContractSays) {
  const std::string runId = connection->run(request(kTrain)).runId;
  const std::vector<std::pair<std::string, int32_t>> table{
      {"NotStarted", PSJ_STATE_STARTING},   {"Starting", PSJ_STATE_STARTING},
      {"Provisioning", PSJ_STATE_STARTING}, {"Preparing", PSJ_STATE_STARTING},
      {"Queued", PSJ_STATE_STARTING},       {"Running", PSJ_STATE_RUNNING},
      {"Finalizing", PSJ_STATE_RUNNING},    {"CancelRequested", PSJ_STATE_RUNNING},
      {"Completed", PSJ_STATE_SUCCESS},     {"Failed", PSJ_STATE_FAILED},
      {"Canceled", PSJ_STATE_CANCELLED},    {"NotResponding", PSJ_STATE_UNKNOWN},
      {"Paused", PSJ_STATE_UNKNOWN},        {"Unknown", PSJ_STATE_UNKNOWN},
      {"SomethingNew", PSJ_STATE_UNKNOWN},  {"running", PSJ_STATE_RUNNING},
      {"COMPLETED", PSJ_STATE_SUCCESS},     {"canceled", PSJ_STATE_CANCELLED}};
  for (const auto& [raw, state] : table) {
    ASSERT_TRUE(emulator->workspace().overrideStatus(runId, raw));
    const auto status = connection->poll(runId, {});
    EXPECT_EQ(status.state, state) << raw;
    EXPECT_EQ(status.providerStatus, std::optional<std::string>(raw)) << "the raw status as Azure wrote it";
    if (state == PSJ_STATE_FAILED) {
      ASSERT_TRUE(status.message.has_value());
      EXPECT_FALSE(status.message->empty()) << "a failure is never reported without a message";
    }
  }
}

TEST_F(PollE2eTest, FailedRunCarriesTheFailingStepsError) {
  const auto submission = connection->run(request(kValidate, {output("report")}));
  const auto last = pollUntilTerminal(submission.runId, {output("report")}).back();
  ASSERT_EQ(last.state, PSJ_STATE_FAILED);
  EXPECT_EQ(last.providerStatus, std::optional<std::string>("Failed"));
  ASSERT_TRUE(last.message.has_value());
  // The pipeline's own error is empty (fail-in-child): the message is the failing step's, named by step.
  EXPECT_NE(last.message->find("validate_schema"), std::string::npos) << *last.message;
  EXPECT_NE(last.message->find("SchemaError: column 'customer_tenure_days' expected int64"),
            std::string::npos)
      << *last.message;
  EXPECT_GE(count("history.children"), 1u) << "the step's error comes from the run's children";
  EXPECT_TRUE(last.endTimeMs.has_value());
}

class LowReadBudgetPollE2eTest : public E2eTest {
 protected:
  azureml_emulator::EmulatorOptions makeOptions() override {
    auto options = E2eTest::makeOptions();
    options.readBucket = 40;  // ARM reports fewer than 50 reads left
    options.readRefillPerSecond = 1;
    return options;
  }
};

TEST_F(PollE2eTest, NextPollHintForAYoungLiveRun) {
  const std::string runId = connection->run(request(kTrain)).runId;
  ASSERT_TRUE(emulator->workspace().overrideStatus(runId, "Running"));
  const auto status = connection->poll(runId, {});
  ASSERT_TRUE(status.nextPollMs.has_value());
  EXPECT_GE(*status.nextPollMs, 1000);
  EXPECT_LT(*status.nextPollMs, 20000);
}

TEST_F(LowReadBudgetPollE2eTest, NextPollHintBacksOffWhenArmsReadBudgetRunsLow) {
  const std::string runId = connection->run(request(kTrain)).runId;
  ASSERT_TRUE(emulator->workspace().overrideStatus(runId, "Running"));
  // Polls that read ARM (Status Source = Resource Manager) spend its reads: their hint grows.
  auto armOnly = connect({{"Status Source", "Resource Manager"}});
  const auto status = armOnly->poll(runId, {});
  ASSERT_TRUE(status.nextPollMs.has_value());
  EXPECT_GE(*status.nextPollMs, 20000) << "a young run's hint, four times longer with under 50 reads left";
  // Polls answered by Run History spend none: the same run's hint stays a young run's.
  const auto fromHistory = connection->poll(runId, {});
  ASSERT_TRUE(fromHistory.nextPollMs.has_value());
  EXPECT_LT(*fromHistory.nextPollMs, 20000);
}

TEST_F(PollE2eTest, UnknownRunIdIsAClearNotFound) {
  const auto error = expectError([&] { connection->poll("train-pipeline-template_nosuchrun", {}); });
  EXPECT_EQ(error.code(), PSJ_E_NOT_FOUND);
  EXPECT_NE(std::string(error.what()).find("train-pipeline-template_nosuchrun"), std::string::npos)
      << error.what();
}

}  // namespace
}  // namespace e2e
