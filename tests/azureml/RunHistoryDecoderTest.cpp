#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "TestJson.h"
#include "azureml/FailureMessage.h"
#include "azureml/RunHistoryDecoder.h"
#include "azureml/StatusDecoder.h"
#include "common/JsonView.h"

namespace aifoundry::azureml {
namespace {

// The Run History GET replies of a recording (tests/data/recorded/, real Azure traffic) whose request path is
// a single run (`children` false: .../runs/{id}) or a children page: the recorded bytes, which the decoder
// reads, and the same reply as Poco parses it, which the expectations are read from.
struct RecordedReply {
  std::string body;
  Poco::JSON::Object::Ptr parsed;
};

std::vector<RecordedReply> recordedHistoryReplies(const std::string& file, bool children) {
  std::ifstream in(std::string(AZML_RECORDED_DIR) + "/" + file, std::ios::binary);
  std::ostringstream whole;
  whole << in.rdbuf();
  static std::string keep;  // the views below point into the recording's text
  keep = whole.str();
  std::vector<RecordedReply> replies;
  common::JsonView::parse(keep, file).member("Entries")->forEachElement([&](common::JsonView entry) {
    const std::string uri = common::textOf(entry.member("RequestUri"));
    const std::string path = uri.substr(0, uri.find('?'));
    if (common::textOf(entry.member("RequestMethod")) != "GET" ||
        path.find("/history/v1.0/") == std::string::npos)
      return;
    const bool isChildren = path.size() > 9 && path.compare(path.size() - 9, 9, "/children") == 0;
    if (isChildren != children || path.find("/runs/") == std::string::npos) return;
    RecordedReply reply;
    reply.body = std::string(entry.member("ResponseBody")->raw());
    Poco::JSON::Parser parser;
    reply.parsed = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    replies.push_back(std::move(reply));
  });
  return replies;
}

std::string text(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

void expectDecodedAsRecorded(const Poco::JSON::Object::Ptr& recorded, const RunHistoryRun& run) {
  EXPECT_EQ(run.runId, text(recorded, "runId"));
  EXPECT_EQ(run.status, text(recorded, "status"));
  EXPECT_EQ(run.startTimeUtc.value_or(""), text(recorded, "startTimeUtc"));
  EXPECT_EQ(run.endTimeUtc.value_or(""), text(recorded, "endTimeUtc"));
  EXPECT_EQ(run.createdUtc.value_or(""), text(recorded, "createdUtc"));
  // Every recorded status is one Run History's enum has, so a poll uses the data plane's answer as is.
  EXPECT_TRUE(StatusDecoder::isRunHistoryStatus(run.status)) << run.status;
}

TEST(RunHistoryDecoder, DecodesTheRecordedRunRepliesOfRealAzure) {
  const auto runs = recordedHistoryReplies("pipeline_get_child_run.json", false);
  ASSERT_EQ(runs.size(), 1u);
  const RunHistoryRun run = RunHistoryDecoder::decodeRun(runs[0].body);
  expectDecodedAsRecorded(runs[0].parsed, run);
  EXPECT_FALSE(run.startTimeUtc.value_or("").empty()) << "the recording has the run's times";
  EXPECT_FALSE(run.createdUtc.value_or("").empty());
  EXPECT_EQ(run.errorMessage, "");
}

TEST(RunHistoryDecoder, DecodesTheRecordedChildrenPageOfRealAzure) {
  const auto pages = recordedHistoryReplies("pipeline_get_child_run.json", true);
  ASSERT_EQ(pages.size(), 1u);
  const RunChildrenPage page = RunHistoryDecoder::decodeChildren(pages[0].body);
  const auto value = pages[0].parsed->getArray("value");
  ASSERT_EQ(page.children.size(), value->size());
  ASSERT_FALSE(page.children.empty());
  for (std::size_t i = 0; i < page.children.size(); ++i)
    expectDecodedAsRecorded(value->getObject(static_cast<unsigned>(i)), page.children[i]);
  EXPECT_FALSE(page.continuationToken);
  EXPECT_FALSE(page.nextLink);
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
