// The --json documents: shapes, nulls, times, masking.
#include <gtest/gtest.h>

#include "polysync_host/ResultJson.h"

namespace {

using namespace polysync::host;

TEST(ResultJson, TimesAreIso8601UtcWithMillisecondsAndZ) {
  EXPECT_EQ(isoTime(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(isoTime(1714564800123), "2024-05-01T12:00:00.123Z");
  EXPECT_EQ(isoTime(-1), "1969-12-31T23:59:59.999Z");
}

TEST(ResultJson, RunSubmittedReportsStartingWithNullProviderStatus) {
  EXPECT_EQ(runSubmittedJson(RunSubmission{"r1", std::nullopt}),
            R"({"runId":"r1","status":"Starting","providerStatus":null,"monitorUrl":null})");
  EXPECT_EQ(runSubmittedJson(RunSubmission{"r1", std::string("https://m/r1")}),
            R"({"runId":"r1","status":"Starting","providerStatus":null,"monitorUrl":"https://m/r1"})");
}

TEST(ResultJson, StatusHasEveryKeyWithNullsWhenUnknown) {
  RunStatus s;
  s.runId = "r";
  s.state = PSJ_STATE_RUNNING;
  EXPECT_EQ(statusJson(s), R"({"runId":"r","status":"Running","providerStatus":null,"startTime":null,)"
                           R"("endTime":null,"message":null,"outputs":{},"monitorUrl":null})");
}

TEST(ResultJson, StatusCarriesTimesOutputsAndMasksSecretOutputs) {
  RunStatus s;
  s.runId = "r";
  s.state = PSJ_STATE_SUCCESS;
  s.providerStatus = "Completed";
  s.startTimeMs = 1714564800123;
  s.endTimeMs = 1714568400456;
  s.message = "done";
  s.outputs = {{"model", "m1"}, {"key", "s3cret"}};
  s.monitorUrl = "https://m";
  StatusExtras extras;
  extras.secretOutputs = {"key"};
  EXPECT_EQ(
      statusJson(s, extras),
      R"({"runId":"r","status":"Success","providerStatus":"Completed","startTime":"2024-05-01T12:00:00.123Z",)"
      R"("endTime":"2024-05-01T13:00:00.456Z","message":"done","outputs":{"model":"m1","key":"***"},)"
      R"("monitorUrl":"https://m"})");
}

TEST(ResultJson, StepProgressIsAnObjectAfterTheOtherKeysAndAbsentWhenUnknown) {
  RunStatus s;
  s.runId = "r";
  s.state = PSJ_STATE_RUNNING;
  s.providerStatus = "Running";
  s.startTimeMs = 1714564800123;
  RunProgress p;
  p.stepsTotal = 5;
  p.stepsCompleted = 2;
  p.stepsRunning = 1;
  p.stepsSkipped = 0;
  p.running = {"train \"model\""};
  s.progress = p;
  EXPECT_EQ(
      statusJson(s),
      R"({"runId":"r","status":"Running","providerStatus":"Running","startTime":"2024-05-01T12:00:00.123Z",)"
      R"("endTime":null,"message":null,"outputs":{},"monitorUrl":null,"progress":{"stepsTotal":5,)"
      R"("stepsCompleted":2,"stepsRunning":1,"stepsFailed":0,"stepsSkipped":0,"running":["train \"model\""]}})");
  s.progress.reset();
  EXPECT_EQ(statusJson(s).find("progress"), std::string::npos);
}

TEST(ResultJson, ATimedOutWaitSaysSo) {
  RunStatus s;
  s.runId = "r";
  s.state = PSJ_STATE_RUNNING;
  StatusExtras extras;
  extras.timedOut = true;
  extras.cancelRequested = true;
  const std::string doc = statusJson(s, extras);
  EXPECT_NE(doc.find(R"("timedOut":true,"cancelRequested":true})"), std::string::npos) << doc;
}

TEST(ResultJson, ImportListsParametersWithNullDefaults) {
  ImportedJob job{"e1", "Name", "Desc", "AI Foundry Pipeline Job", {}};
  job.parameters.push_back(
      ParameterSchemaInfo{"lr", PSJ_DIRECTION_INPUT, PSJ_TYPE_FLOAT, std::string("0.1"), "", true});
  job.parameters.push_back(
      ParameterSchemaInfo{"out", PSJ_DIRECTION_OUTPUT, PSJ_TYPE_STRING, std::nullopt, "", true});
  EXPECT_EQ(
      importJson({job}),
      R"({"jobs":[{"externalId":"e1","name":"Name","description":"Desc","jobType":"AI Foundry Pipeline Job",)"
      R"("parameters":[{"name":"lr","direction":"Input","type":"Float","default":"0.1","overridable":true,)"
      R"("description":""},{"name":"out","direction":"Output","type":"String","default":null,)"
      R"("overridable":true,"description":""}]}]})");
}

TEST(ResultJson, TestConnectionDocuments) {
  EXPECT_EQ(testConnectionJson(std::string("fine")), R"({"ok":true,"message":"fine"})");
  Failure f{1, "Permission", "no role", std::nullopt};
  EXPECT_EQ(testConnectionFailedJson(f),
            R"({"ok":false,"message":"no role","error":{"code":"Permission","message":"no role"}})");
}

TEST(ResultJson, ErrorsCarryCodeMessageAndRetryAfter) {
  EXPECT_EQ(errorJson(Failure{1, "RateLimited", "slow down", 1500}),
            R"({"error":{"code":"RateLimited","message":"slow down","retryAfterMs":1500}})");
  EXPECT_EQ(errorJson(Failure{2, "Usage", "bad", std::nullopt}),
            R"({"error":{"code":"Usage","message":"bad"}})");
}

}  // namespace
