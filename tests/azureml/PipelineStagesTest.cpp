// A finished pipeline's times from properties.properties["azureml.pipelines.stages"], checked against the
// job replies of real Azure traffic in tests/data/recorded/ (the expected values are read from the recording
// with Poco, independently of the decoder), plus the lenient cases a recording cannot show.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "azureml/JobDecoder.h"
#include "azureml/PipelineStages.h"

namespace aifoundry::azureml {
namespace {

std::string readRecording(const std::string& fileName) {
  const std::string path = std::string(AZML_RECORDED_DIR) + "/" + fileName;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open recording " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The exact recorded text of the first entry's ResponseBody that `pick` accepts.
std::string recordedReply(const std::string& fileName,
                          const std::function<bool(common::JsonView entry)>& pick) {
  static std::string keep;  // views point into the recording's text
  keep = readRecording(fileName);
  std::string body;
  common::JsonView::parse(keep, fileName).member("Entries")->forEachElement([&](common::JsonView entry) {
    if (body.empty() && pick(entry)) body = std::string(entry.member("ResponseBody")->raw());
  });
  if (body.empty()) throw std::runtime_error("no such entry in " + fileName);
  return body;
}

std::string statusOf(common::JsonView entry) {
  const auto body = entry.member("ResponseBody");
  if (!body || !body->isObject()) return {};
  const auto properties = body->member("properties");
  return properties ? common::textOf(properties->member("status")) : std::string();
}

bool isJobGet(common::JsonView entry, const std::string& status) {
  return common::textOf(entry.member("RequestMethod")) == "GET" &&
         common::textOf(entry.member("RequestUri")).find("/jobs/") != std::string::npos &&
         statusOf(entry) == status;
}

TEST(PipelineStages, AFinishedRecordedPipelineGetsItsExecutionTimesFromTheStagesKey) {
  const std::string body = recordedReply("pipeline_get_child_run.json",
                                         [](common::JsonView e) { return isJobGet(e, "Completed"); });
  // Expected: the recording's own stage document, parsed by Poco.
  Poco::JSON::Parser parser;
  const auto resource = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
  const std::string stagesText =
      resource->getObject("properties")->getObject("properties")->getValue<std::string>(PipelineStages::kKey);
  Poco::JSON::Parser stageParser;
  const auto execution =
      stageParser.parse(stagesText).extract<Poco::JSON::Object::Ptr>()->getObject("Execution");
  const std::string start = execution->getValue<std::string>("StartTime");
  const std::string end = execution->getValue<std::string>("EndTime");
  ASSERT_FALSE(start.empty());
  ASSERT_FALSE(end.empty());

  const Job polled = JobDecoder::decodeForPoll(common::JsonView::parse(body, "recorded job"));
  EXPECT_EQ(polled.status, "Completed");
  EXPECT_EQ(polled.startTime.value_or("(none)"), start);
  EXPECT_EQ(polled.endTime.value_or("(none)"), end);
  const Job full = JobDecoder::decode(body);
  EXPECT_EQ(full.startTime, polled.startTime);
  EXPECT_EQ(full.endTime, polled.endTime);
}

TEST(PipelineStages, RecordedRepliesWithoutTheKeyHaveNoTimes) {
  // Preparing (the PUT's 201 reply), Running and Canceled replies as Azure sent them: no stages key, and the
  // job resource has no times of its own (they then come from Run History).
  for (const auto& [file, status] :
       {std::pair<std::string, std::string>{"import_pipeline_submit.json", "Running"},
        {"pipeline_download_canceled.json", "Canceled"}}) {
    SCOPED_TRACE(file);
    const std::string body = recordedReply(file, [&](common::JsonView e) { return isJobGet(e, status); });
    const Job polled = JobDecoder::decodeForPoll(common::JsonView::parse(body, "recorded job"));
    EXPECT_EQ(polled.status, status);
    EXPECT_FALSE(polled.startTime);
    EXPECT_FALSE(polled.endTime);
  }
}

std::string jobWith(const std::string& status, const std::string& stagesValue,
                    const std::string& ownTimes = "") {
  return R"({"name":"j","properties":{)" + ownTimes + R"("status":")" + status +
         R"(","properties":{"azureml.runsource":"azureml.PipelineRun","azureml.pipelines.stages":)" +
         stagesValue + "}}}";
}

const std::string kStages =
    R"("{\"Initialization\":null,\"Execution\":{\"StartTime\":\"2023-02-12T04:58:36.696545+00:00\",\"EndTime\":\"2023-02-12T04:58:37.3949075+00:00\",\"Status\":\"Finished\"}}")";

TEST(PipelineStages, ALiveRunIsNotReadForStages) {
  // Polls of live runs stay cheap: the key is not even looked at before the run is terminal.
  const std::string body = jobWith("Running", kStages);
  const Job polled = JobDecoder::decodeForPoll(common::JsonView::parse(body, "job"));
  EXPECT_FALSE(polled.startTime);
  EXPECT_FALSE(polled.endTime);
  EXPECT_FALSE(JobDecoder::decode(body).startTime);
}

TEST(PipelineStages, TheJobsOwnTimesWin) {
  const std::string body =
      jobWith("Failed", kStages, R"("startTime":"2023-01-01T00:00:00Z","endTime":"2023-01-01T00:01:00Z",)");
  const Job polled = JobDecoder::decodeForPoll(common::JsonView::parse(body, "job"));
  EXPECT_EQ(polled.startTime.value_or(""), "2023-01-01T00:00:00Z");
  EXPECT_EQ(polled.endTime.value_or(""), "2023-01-01T00:01:00Z");
}

TEST(PipelineStages, ABrokenOrOddStagesValueYieldsNothingAndNeverFailsThePoll) {
  for (const std::string& value :
       {std::string(R"("not json")"), std::string(R"("{\"Execution\":")"), std::string("42"),
        std::string("null"), std::string(R"({"Execution":{"StartTime":"x"}})"),
        std::string(R"("{\"Execution\":null}")"),
        std::string(R"("{\"Execution\":{\"StartTime\":\"\",\"EndTime\":null}}")"),
        std::string(R"("[1,2,3]")")}) {
    SCOPED_TRACE(value);
    const std::string body = jobWith("Completed", value);
    Job polled;
    ASSERT_NO_THROW(polled = JobDecoder::decodeForPoll(common::JsonView::parse(body, "job")));
    EXPECT_EQ(polled.status, "Completed");
    EXPECT_FALSE(polled.startTime);
    EXPECT_FALSE(polled.endTime);
  }
}

TEST(PipelineStages, OnlyTheMissingTimeIsTakenFromTheStages) {
  const std::string body = jobWith("Canceled", kStages, R"("startTime":"2023-01-01T00:00:00Z",)");
  const Job polled = JobDecoder::decodeForPoll(common::JsonView::parse(body, "job"));
  EXPECT_EQ(polled.startTime.value_or(""), "2023-01-01T00:00:00Z");
  EXPECT_EQ(polled.endTime.value_or(""), "2023-02-12T04:58:37.3949075+00:00");
}

}  // namespace
}  // namespace aifoundry::azureml
