// Runs on the clock and Run History: times and errors live here, not on the ARM job; scripted runs.
#include <Poco/JSON/Array.h>
#include <Poco/Thread.h>

#include <sstream>

#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

class RunHistoryTest : public EmulatorTest {
 protected:
  std::string historyPath(const std::string& run, const std::string& suffix = "") const {
    const auto& o = emulator->options();
    return "/history/v1.0/subscriptions/" + o.subscription + "/resourceGroups/" + o.resourceGroup +
           "/providers/Microsoft.MachineLearningServices/workspaces/" + o.workspace + "/runs/" + run + suffix;
  }
  HttpResult history(const std::string& run, const std::string& suffix = "") {
    return send(*emulator, "GET", historyPath(run, suffix), "", armHeaders());
  }
  // Submits a clone of `templateName` with extra tags (the run script), returning the run name.
  std::string submit(const std::string& name, const std::string& templateName, const std::string& tags) {
    std::string properties = templateProperties(templateName);
    HttpResult text;
    text.body = properties;
    auto parsed = text.json();
    text.body = tags;
    auto tagObject = text.json();
    parsed->set("tags", tagObject);
    std::ostringstream out;
    parsed->stringify(out);
    auto result = putJob(name, "{\"properties\":" + out.str() + "}");
    EXPECT_EQ(result.status, 201) << result.body;
    return name;
  }
  static bool terminal(const std::string& s) { return s == "Completed" || s == "Failed" || s == "Canceled"; }
};

TEST_F(RunHistoryTest, CompletedRunHasStartAndEndOnlyInRunHistory) {
  submit("run-ok", "train-pipeline-template", "{}");
  ASSERT_EQ(waitForStatus("run-ok", terminal), "Completed");
  auto run = history("run-ok");
  ASSERT_EQ(run.status, 200) << run.body;
  auto body = run.json();
  EXPECT_EQ(body->getValue<std::string>("status"), "Completed");
  EXPECT_EQ(body->getValue<std::string>("runId"), "run-ok");
  EXPECT_NE(body->getValue<std::string>("startTimeUtc").find("+00:00"), std::string::npos);
  EXPECT_FALSE(body->getValue<std::string>("endTimeUtc").empty());
  EXPECT_TRUE(body->get("error").isEmpty());
  auto job = getJob("run-ok").json()->getObject("properties");
  EXPECT_FALSE(job->has("startTime"));
  EXPECT_FALSE(job->has("error"));
  // The template names its output paths (${{name}} resolved per job); a path left out stays null
  // (PutValidationTest).
  EXPECT_EQ(job->getObject("outputs")->getObject("metrics")->getValue<std::string>("uri").find("azureml://"),
            0u);
  // ... and in properties.properties, once finished, as Azure records it.
  const std::string stages = job->getObject("properties")->getValue<std::string>("azureml.pipelines.stages");
  EXPECT_NE(stages.find("\"Status\":\"Finished\""), std::string::npos) << stages;
  EXPECT_NE(stages.find(body->getValue<std::string>("endTimeUtc")), std::string::npos) << stages;
}

TEST_F(RunHistoryTest, RunWalksThroughTheServiceStates) {
  submit("run-walk", "batch-score-template", R"({"emulator.runningSteps":"4"})");
  std::vector<std::string> seen;
  for (int i = 0; i < 2000 && (seen.empty() || seen.back() != "Completed"); ++i) {
    const std::string status = emulator->workspace().status("run-walk").value_or("");
    if (seen.empty() || seen.back() != status) seen.push_back(status);
    Poco::Thread::sleep(2);
  }
  const std::vector<std::string> order = {"Preparing", "Running", "Finalizing", "Completed"};
  size_t at = 0;
  for (const auto& s : seen) {
    while (at < order.size() && order[at] != s) ++at;
    ASSERT_LT(at, order.size()) << "unexpected or out-of-order status " << s;
  }
  EXPECT_EQ(seen.back(), "Completed");
}

TEST_F(RunHistoryTest, FailInChildPutsTheErrorOnlyOnTheStep) {
  submit(
      "run-fail", "data-validation-template",
      R"({"emulator.behavior":"fail-in-child","emulator.failStep":"validate_schema","emulator.errorMessage":"SchemaError: bad column"})");
  ASSERT_EQ(waitForStatus("run-fail", terminal), "Failed");
  auto run = history("run-fail").json();
  EXPECT_EQ(run->getValue<std::string>("status"), "Failed");
  EXPECT_TRUE(run->get("error").isEmpty()) << "the pipeline's own error is empty";
  auto children = history("run-fail", "/children");
  ASSERT_EQ(children.status, 200);
  auto steps = children.json()->getArray("value");
  ASSERT_EQ(steps->size(), 3u);
  bool afterFailure = false;
  for (size_t i = 0; i < steps->size(); ++i) {
    auto step = steps->getObject(static_cast<unsigned>(i));
    const std::string status = step->getValue<std::string>("status");
    if (step->getValue<std::string>("displayName") == "validate_schema") {
      EXPECT_EQ(status, "Failed");
      EXPECT_EQ(step->getObject("error")->getObject("error")->getValue<std::string>("message"),
                "SchemaError: bad column");
      afterFailure = true;
    } else {
      EXPECT_EQ(status, afterFailure ? "Canceled" : "Completed")
          << step->getValue<std::string>("displayName");
      EXPECT_TRUE(step->get("error").isEmpty());
    }
  }
}

TEST_F(RunHistoryTest, FailPutsTheErrorOnThePipeline) {
  submit("run-fail-parent", "batch-score-template",
         R"({"emulator.behavior":"fail","emulator.errorCode":"SystemError"})");
  ASSERT_EQ(waitForStatus("run-fail-parent", terminal), "Failed");
  auto error = history("run-fail-parent", "/details").json()->getObject("error")->getObject("error");
  EXPECT_EQ(error->getValue<std::string>("code"), "SystemError");
  EXPECT_FALSE(error->getValue<std::string>("message").empty());
}

TEST_F(RunHistoryTest, HangEndsInNotResponding) {
  submit("run-hang", "batch-score-template", R"({"emulator.behavior":"hang"})");
  EXPECT_EQ(waitForStatus("run-hang", [](const std::string& s) { return s == "NotResponding"; }),
            "NotResponding");
  EXPECT_EQ(history("run-hang").json()->getValue<std::string>("status"), "NotResponding");
}

TEST_F(RunHistoryTest, SlowCancelStaysInCancelRequested) {
  submit("run-slow-cancel", "batch-score-template",
         R"({"emulator.behavior":"slow-cancel","emulator.cancelSteps":"25"})");
  ASSERT_EQ(emulator->workspace().cancel("run-slow-cancel"), Workspace::CancelResult::Accepted);
  Poco::Thread::sleep(3 * emulator->options().stepMillis);
  EXPECT_EQ(emulator->workspace().status("run-slow-cancel"), "CancelRequested");
  EXPECT_EQ(waitForStatus("run-slow-cancel", terminal), "Canceled");
  auto run = history("run-slow-cancel").json();
  EXPECT_EQ(run->getValue<std::string>("status"), "Canceled");
  EXPECT_FALSE(run->getValue<std::string>("endTimeUtc").empty());
}

TEST_F(RunHistoryTest, SlowRunsLongInRunning) {
  submit("run-slow", "batch-score-template", R"({"emulator.behavior":"slow"})");
  EXPECT_EQ(waitForStatus("run-slow", [](const std::string& s) { return s == "Running"; }), "Running");
  Poco::Thread::sleep(2 * emulator->options().stepMillis);
  EXPECT_EQ(emulator->workspace().status("run-slow"), "Running");
}

TEST_F(RunHistoryTest, ChildrenPageWithTopAndContinuationToken) {
  const std::string large = emulator->workspace().generateLargeTemplate(7, "seven-steps");
  auto first = history(large, "/children?$top=3");
  ASSERT_EQ(first.status, 200) << first.body;
  auto body = first.json();
  EXPECT_EQ(body->getArray("value")->size(), 3u);
  const std::string token = body->getValue<std::string>("continuationToken");
  auto rest = history(large, "/children?$top=10&$continuationtoken=" + token).json();
  EXPECT_EQ(rest->getArray("value")->size(), 4u);
  EXPECT_FALSE(rest->has("continuationToken")) << "the last page is {\"value\": [...]} alone";
  EXPECT_FALSE(rest->has("nextLink"));
}

TEST_F(RunHistoryTest, UnknownRunIs404AndTokenIsRequired) {
  EXPECT_EQ(history("nope").status, 404);
  EXPECT_EQ(send(*emulator, "GET", historyPath("train-pipeline-template")).status, 401);
  auto ml = send(*emulator, "GET", historyPath("train-pipeline-template"), "",
                 {{"Authorization", "Bearer " + mlToken()}});
  EXPECT_EQ(ml.status, 200) << "history accepts the Azure ML audience too";
}

TEST_F(RunHistoryTest, LargeTemplatesAreSeveralMegabytes) {
  emulator->workspace().generateLargeTemplate(3000, "big");
  auto result = getJob("big");
  ASSERT_EQ(result.status, 200);
  EXPECT_GT(result.body.size(), 2u * 1024u * 1024u);
  EXPECT_EQ(result.json()->getObject("properties")->getObject("jobs")->size(), 3000u);
}

TEST_F(RunHistoryTest, HundredThousandGeneratedJobsShareOneBody) {
  emulator->workspace().generateJobs(100000, "batch-score-template");
  EXPECT_EQ(emulator->workspace().jobCount(), 100003u);
  auto last = getJob("generated-job-100000");
  EXPECT_EQ(last.status, 200);
}

// Run History's own bucket: a 429 RequestThrottled with Retry-After when empty, no remaining-budget header
// (Azure's data plane states none), and ARM's reads untouched by it.
class ThrottledHistoryTest : public RunHistoryTest {
 protected:
  EmulatorOptions makeOptions() override {
    auto options = RunHistoryTest::makeOptions();
    options.historyBucket = 2;
    options.historyRefillPerSecond = 0.001;
    return options;
  }
};

TEST_F(ThrottledHistoryTest, EmptyHistoryBucketIs429RequestThrottledAndArmIsNotSpent) {
  for (int i = 0; i < 2; ++i) {
    auto run = history("train-pipeline-template");
    EXPECT_EQ(run.status, 200) << run.body;
    EXPECT_EQ(run.header("x-ms-ratelimit-remaining-subscription-reads"), "");
  }
  auto throttled = history("train-pipeline-template");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.json()->getObject("error")->getValue<std::string>("code"), "RequestThrottled");
  const std::string retryAfter = throttled.header("Retry-After");
  ASSERT_FALSE(retryAfter.empty());
  EXPECT_GE(std::stoi(retryAfter), 1);
  EXPECT_EQ(history("train-pipeline-template", "/children").status, 429) << "the children share the bucket";
  auto arm = getJob("train-pipeline-template");
  EXPECT_EQ(arm.status, 200);
  EXPECT_EQ(arm.header("x-ms-ratelimit-remaining-subscription-reads"), "249") << "ARM's bucket is its own";
}

// --time-scale: a bucket refills that many times faster (a simulated second per real millisecond here).
class ScaledHistoryTest : public RunHistoryTest {
 protected:
  EmulatorOptions makeOptions() override {
    auto options = RunHistoryTest::makeOptions();
    options.historyBucket = 1;
    options.historyRefillPerSecond = 1;
    options.timeScale = 1000;
    return options;
  }
};

TEST_F(ScaledHistoryTest, AScaledBucketRefillsInScaledTime) {
  EXPECT_EQ(history("train-pipeline-template").status, 200);
  Poco::Thread::sleep(50);  // 50 simulated seconds: refilled
  EXPECT_EQ(history("train-pipeline-template").status, 200);
}

}  // namespace
}  // namespace azureml_emulator::testing
