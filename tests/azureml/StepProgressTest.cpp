// A pipeline's step progress from Run History's children (runs/{id}/children): the recorded real reply of
// tests/data/recorded/ (expected values read from the recording with Poco, independently of the decoder), the
// live mixes a recording of a finished pipeline cannot show, and the step count of a recorded Running job.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "azureml/JobDecoder.h"
#include "azureml/RunHistoryDecoder.h"
#include "azureml/StepProgress.h"

namespace aifoundry::azureml {
namespace {

Poco::JSON::Object::Ptr recording(const std::string& fileName) {
  std::ifstream in(std::string(AZML_RECORDED_DIR) + "/" + fileName, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open recording " + fileName);
  std::ostringstream s;
  s << in.rdbuf();
  return Poco::JSON::Parser().parse(s.str()).extract<Poco::JSON::Object::Ptr>();
}

// The ResponseBody of the first entry whose request URI contains `uriPart` (and whose method is `method`).
Poco::JSON::Object::Ptr recordedBody(const std::string& fileName, const std::string& method,
                                     const std::string& uriPart, const std::string& status = "") {
  const auto entries = recording(fileName)->getArray("Entries");
  for (unsigned i = 0; i < entries->size(); ++i) {
    const auto entry = entries->getObject(i);
    if (entry->getValue<std::string>("RequestMethod") != method) continue;
    if (entry->getValue<std::string>("RequestUri").find(uriPart) == std::string::npos) continue;
    const auto body = entry->getObject("ResponseBody");
    if (!status.empty() && (!body->has("properties") ||
                            body->getObject("properties")->optValue<std::string>("status", "") != status))
      continue;
    return body;
  }
  throw std::runtime_error("no such entry in " + fileName);
}

std::string text(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream s;
  object->stringify(s);
  return s.str();
}

TEST(StepProgress, TheRecordedChildrenOfAPipelineCountItsReusedStepsAsSkipped) {
  const auto body = recordedBody("pipeline_get_child_run.json", "GET", "/children");
  // Expected, from the recording itself: each child, and whether Azure reused it from an earlier run.
  const auto value = body->getArray("value");
  unsigned completed = 0, reused = 0;
  for (unsigned i = 0; i < value->size(); ++i) {
    const auto child = value->getObject(i);
    ASSERT_EQ(child->getValue<std::string>("status"), "Completed");
    const bool isReused =
        child->getObject("properties")->optValue<std::string>("azureml.isreused", "") == "true";
    ++(isReused ? reused : completed);
  }
  ASSERT_GT(reused, 0u) << "the recording's steps were reused: that is what this test is about";

  const RunChildrenPage page = RunHistoryDecoder::decodeChildren(text(body));
  ASSERT_EQ(page.children.size(), value->size());
  EXPECT_EQ(page.children[0].name, value->getObject(0)->getValue<std::string>("displayName"));
  const core::StepProgress counts = StepProgress::summarize(page.children, 0, 3);
  EXPECT_EQ(counts.total, value->size());
  EXPECT_EQ(counts.completed, completed);
  EXPECT_EQ(counts.skipped, reused);
  EXPECT_EQ(counts.running + counts.failed, 0u);
  EXPECT_TRUE(counts.runningNames.empty());
}

TEST(StepProgress, ALiveMixIsCountedByStatusAndNamesOnlyAFewRunningSteps) {
  const RunChildrenPage page = RunHistoryDecoder::decodeChildren(R"({"value":[
    {"runId":"a","displayName":"prep_data","status":"Completed"},
    {"runId":"b","displayName":"cached","status":"Completed","properties":{"azureml.isreused":"True"}},
    {"runId":"c","displayName":"train_model","status":"Running"},
    {"runId":"d","displayName":"tune","status":"Queued"},
    {"runId":"e","displayName":"score","status":"Finalizing"},
    {"runId":"f","displayName":"stuck","status":"NotResponding"},
    {"runId":"g","displayName":"broken","status":"Failed"},
    {"runId":"h","displayName":"stopped","status":"Canceled"},
    {"runId":"i","displayName":"later","status":"NotStarted"},
    {"runId":"j","displayName":"unsaid","status":""}]})");
  const core::StepProgress counts = StepProgress::summarize(page.children, 0, 3);
  EXPECT_EQ(counts.total, 10u);
  EXPECT_EQ(counts.completed, 1u);
  EXPECT_EQ(counts.skipped, 2u) << "one reused, one canceled";
  EXPECT_EQ(counts.running, 4u) << "Running, Queued, Finalizing and NotResponding are started and unfinished";
  EXPECT_EQ(counts.failed, 1u);
  EXPECT_EQ(counts.runningNames, (std::vector<std::string>{"train_model", "tune", "score"}))
      << "at most three names, in list order; the fourth running step is only counted";
}

TEST(StepProgress, StepsNotListedYetCountInTheTotalFromThePipelinesDeclaration) {
  const RunChildrenPage page =
      RunHistoryDecoder::decodeChildren(R"({"value":[{"runId":"a","name":"first","status":"Running"}]})");
  const core::StepProgress counts = StepProgress::summarize(page.children, 4, 3);
  EXPECT_EQ(counts.total, 4u);
  EXPECT_EQ(counts.running, 1u);
  EXPECT_EQ(counts.runningNames, (std::vector<std::string>{"first"})) << "name when there is no displayName";
  EXPECT_EQ(StepProgress::summarize({}, 0, 3).total, 0u);
}

TEST(StepProgress, AReusedFlagThatIsNotTheStringTrueIsNotReuse) {
  const RunChildrenPage page = RunHistoryDecoder::decodeChildren(R"({"value":[
    {"runId":"a","status":"Completed","properties":{"azureml.isreused":true}},
    {"runId":"b","status":"Completed","properties":{"azureml.isreused":"false"}},
    {"runId":"c","status":"Completed","properties":null}]})");
  const core::StepProgress counts = StepProgress::summarize(page.children, 0, 3);
  EXPECT_EQ(counts.completed, 3u);
  EXPECT_EQ(counts.skipped, 0u);
}

TEST(StepProgress, ARecordedRunningPipelineJobDeclaresItsSteps) {
  const auto body = recordedBody("import_pipeline_submit.json", "GET", "/jobs/", "Running");
  const auto jobs = body->getObject("properties")->getObject("jobs");
  const Job job = JobDecoder::decodeForPoll(common::JsonView::parse(text(body), "recorded job"));
  ASSERT_TRUE(job.declaredSteps);
  EXPECT_EQ(*job.declaredSteps, jobs->size());
}

TEST(StepProgress, AFinishedRecordedPipelineJobSkipsCountingItsSteps) {
  const auto body = recordedBody("pipeline_get_child_run.json", "GET", "/jobs/", "Completed");
  EXPECT_FALSE(JobDecoder::decodeForPoll(common::JsonView::parse(text(body), "recorded job")).declaredSteps);
}

}  // namespace
}  // namespace aifoundry::azureml
