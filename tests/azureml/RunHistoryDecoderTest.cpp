#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/FailureMessage.h"
#include "azureml/RunHistoryDecoder.h"

namespace aifoundry::azureml {
namespace {

TEST(RunHistoryDecoder, DecodesTimesStatusAndNestedError) {
  const RunHistoryRun run = RunHistoryDecoder::decodeRun(R"({"runId":"r1","status":"Failed",
        "startTimeUtc":"2024-05-01T10:00:00.123Z","endTimeUtc":"2024-05-01T10:09:00Z",
        "error":{"error":{"code":"UserError","message":"Pipeline failed"},"time":"x"}})");
  EXPECT_EQ(run.runId, "r1");
  EXPECT_EQ(run.status, "Failed");
  EXPECT_EQ(*run.startTimeUtc, "2024-05-01T10:00:00.123Z");
  EXPECT_EQ(*run.endTimeUtc, "2024-05-01T10:09:00Z");
  EXPECT_EQ(run.errorCode, "UserError");
  EXPECT_EQ(run.errorMessage, "Pipeline failed");
}

TEST(RunHistoryDecoder, RunWithoutTimesOrErrorHasThemEmpty) {
  const RunHistoryRun run =
      RunHistoryDecoder::decodeRun(R"({"runId":"r","status":"Running","endTimeUtc":null,"error":null})");
  EXPECT_FALSE(run.startTimeUtc);
  EXPECT_FALSE(run.endTimeUtc);
  EXPECT_EQ(run.errorMessage, "");
}

const std::string kChildren = R"({"value":[
  {"runId":"c1","name":"prep","status":"Completed"},
  {"runId":"c2","displayName":"train step","name":"train","status":"Failed","endTimeUtc":"2024-05-01T10:08:00Z",
   "error":{"error":{"code":"UserError","message":"CUDA out of memory"}}},
  {"runId":"c3","status":"failed","endTimeUtc":"2024-05-01T10:07:00Z","error":{"error":{"message":"disk full"}}},
  {"runId":"c4","name":"late","status":"Failed"}
 ],"continuationToken":"tok"})";

TEST(RunHistoryDecoder, ChildrenPageListsStepsAndContinuation) {
  const RunChildrenPage page = RunHistoryDecoder::decodeChildren(kChildren);
  ASSERT_EQ(page.children.size(), 4u);
  EXPECT_EQ(page.children[1].name, "train step");
  EXPECT_EQ(page.children[0].name, "prep");
  EXPECT_EQ(page.children[2].name, "c3");
  EXPECT_EQ(*page.continuationToken, "tok");
  EXPECT_FALSE(RunHistoryDecoder::decodeChildren(R"({"value":[]})").continuationToken);
}

TEST(RunHistoryDecoder, FirstFailedStepIsTheEarliestFailureWithAMessage) {
  const auto step = RunHistoryDecoder::firstFailedStep(RunHistoryDecoder::decodeChildren(kChildren).children);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->stepName, "c3");
  EXPECT_EQ(step->message, "disk full");
  EXPECT_FALSE(RunHistoryDecoder::firstFailedStep({}));
}

TEST(FailureMessage, PrefersTheJobsOwnError) {
  FailureSources s{std::string("job error"), std::string("history error"), StepFailure{"s", "", "m"},
                   "https://u"};
  EXPECT_EQ(FailureMessage::compose(s), "job error");
}

TEST(FailureMessage, FallsBackToRunHistoryThenTheFailedStep) {
  FailureSources s{std::string(""), std::string("history\nerror"), StepFailure{"train", "", "OOM"},
                   "https://u"};
  EXPECT_EQ(FailureMessage::compose(s), "history error");
  s.runHistoryError.reset();
  EXPECT_EQ(FailureMessage::compose(s), "step 'train' failed: OOM");
}

TEST(FailureMessage, IsNeverEmpty) {
  FailureSources s;
  s.monitorUrl = "https://ml.azure.com/runs/r";
  EXPECT_EQ(FailureMessage::compose(s),
            "Azure ML reported no failure detail; open the Monitor URL: https://ml.azure.com/runs/r");
  s.failedStep = StepFailure{"train", "", ""};
  EXPECT_EQ(FailureMessage::compose(s),
            "step 'train' failed without a message; open the Monitor URL: https://ml.azure.com/runs/r");
  EXPECT_FALSE(FailureMessage::compose(FailureSources{}).empty());
}

TEST(FailureMessage, LongMessagesAreCut) {
  FailureSources s;
  s.jobError = std::string(10000, 'x');
  EXPECT_LE(FailureMessage::compose(s).size(), FailureMessage::kMaxLength + 3);
}

TEST(FailureMessage, APrefixedStepErrorOrALongMonitorUrlStaysWithinTheBound) {
  FailureSources s;
  s.failedStep = StepFailure{std::string(500, 's'), "", std::string(10000, 'x')};
  EXPECT_LE(FailureMessage::compose(s).size(), FailureMessage::kMaxLength + 3);
  s.failedStep = StepFailure{"train", "", ""};
  s.monitorUrl = "https://ml.azure.com/runs/" + std::string(10000, 'r');
  EXPECT_LE(FailureMessage::compose(s).size(), FailureMessage::kMaxLength + 3);
  s.failedStep.reset();
  EXPECT_LE(FailureMessage::compose(s).size(), FailureMessage::kMaxLength + 3);
}

}  // namespace
}  // namespace aifoundry::azureml
