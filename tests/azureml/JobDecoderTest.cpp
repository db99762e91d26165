#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/JobDecoder.h"

namespace aifoundry::azureml {
namespace {

const std::string kRun = R"({
  "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/jobs/run_1",
  "name": "run_1",
  "properties": {
    "displayName": "Nightly", "description": "d", "jobType": "Pipeline", "status": "Failed",
    "experimentName": "exp", "computeId": "/c",
    "tags": {"polysync.template": "tpl", "team": "ml"},
    "identity": {"identityType": "Managed", "clientId": "x"},
    "services": {"Tracking": {"endpoint": "azureml://x"}, "Studio": {"jobServiceType": "Studio", "endpoint": "https://ml.azure.com/runs/run_1?wsid=/x"}},
    "inputs": {"lr": {"jobInputType": "literal", "value": "0.1", "description": "rate"},
               "data": {"jobInputType": "uri_folder", "uri": "azureml://d", "mode": "ReadOnlyMount"}},
    "outputs": {"model": {"jobOutputType": "uri_folder", "uri": "azureml://out", "mode": "Upload"},
                "score": {"jobOutputType": "uri_file", "uri": "azureml://s", "value": "0.93"}},
    "startTime": "2024-05-01T10:00:00Z", "endTime": "2024-05-01T10:05:00Z",
    "error": {"code": "UserError", "message": "step failed"},
    "jobs": {"huge": [1, 2, 3]}, "settings": {}
  }
})";

TEST(JobDecoder, DecodesTheFieldsTheJobTypeNeeds) {
  const Job job = JobDecoder::decode(kRun);
  EXPECT_EQ(job.name, "run_1");
  EXPECT_EQ(job.displayName, "Nightly");
  EXPECT_EQ(job.description, "d");
  EXPECT_TRUE(job.isPipeline());
  EXPECT_EQ(job.status, "Failed");
  EXPECT_EQ(job.experimentName, "exp");
  EXPECT_EQ(job.computeId, "/c");
  ASSERT_EQ(job.tags.size(), 2u);
  EXPECT_EQ(*job.tag("team"), "ml");
  EXPECT_EQ(job.studioEndpoint, "https://ml.azure.com/runs/run_1?wsid=/x");
}

TEST(JobDecoder, DecodesLiteralAndAssetInputs) {
  const Job job = JobDecoder::decode(kRun);
  ASSERT_EQ(job.inputs.size(), 2u);
  EXPECT_TRUE(job.inputs[0].literal);
  EXPECT_EQ(job.inputs[0].value, "0.1");
  EXPECT_EQ(job.inputs[0].description, "rate");
  EXPECT_FALSE(job.inputs[1].literal);
  EXPECT_EQ(job.inputs[1].jobInputType, "uri_folder");
  EXPECT_EQ(job.inputs[1].uri, "azureml://d");
}

TEST(JobDecoder, DecodesEveryTextFieldOfInputsAndOutputs) {
  const Job job = JobDecoder::decode(kRun);
  ASSERT_EQ(job.inputs.size(), 2u);
  EXPECT_EQ(job.inputs[0].name, "lr");
  EXPECT_EQ(job.inputs[0].jobInputType, "literal");
  EXPECT_EQ(job.inputs[1].mode, "ReadOnlyMount");
  ASSERT_EQ(job.outputs.size(), 2u);
  EXPECT_EQ(job.outputs[0].jobOutputType, "uri_folder");
  EXPECT_EQ(job.outputs[0].mode, "Upload");
  EXPECT_EQ(job.outputs[1].jobOutputType, "uri_file");
  EXPECT_EQ(job.outputs[1].uri, "azureml://s");
}

TEST(JobDecoder, DecodesOutputsWithUriAndValue) {
  const Job job = JobDecoder::decode(kRun);
  ASSERT_EQ(job.outputs.size(), 2u);
  EXPECT_EQ(job.outputs[0].uri, "azureml://out");
  EXPECT_FALSE(job.outputs[0].value);
  EXPECT_EQ(*job.outputs[1].value, "0.93");
  EXPECT_EQ(job.output("SCORE")->name, "score");
}

TEST(JobDecoder, ReadsTimesAndErrorWhenPresent) {
  const Job job = JobDecoder::decode(kRun);
  EXPECT_EQ(*job.startTime, "2024-05-01T10:00:00Z");
  EXPECT_EQ(*job.endTime, "2024-05-01T10:05:00Z");
  EXPECT_EQ(*job.errorMessage, "step failed");
  EXPECT_EQ(*job.errorCode, "UserError");
  const Job bare = JobDecoder::decode(R"({"name":"x","properties":{"jobType":"Pipeline","error":null}})");
  EXPECT_FALSE(bare.startTime);
  EXPECT_FALSE(bare.endTime);
  EXPECT_FALSE(bare.errorMessage);
  const Job nested = JobDecoder::decode(R"({"properties":{"error":{"error":{"code":"C","message":"M"}}}})");
  EXPECT_EQ(*nested.errorMessage, "M");
}

TEST(JobDecoder, IdentityTypeDecidesWhetherAnAmlTokenIsNeeded) {
  const auto identityOf = [](const std::string& identity) {
    return JobDecoder::decode(R"({"properties":{"identity":)" + identity + "}}");
  };
  EXPECT_EQ(identityOf("null").identity, IdentityType::None);
  EXPECT_TRUE(identityOf("null").needsAmlToken());
  EXPECT_EQ(identityOf(R"({"identityType":"UserIdentity"})").identity, IdentityType::UserIdentity);
  EXPECT_TRUE(identityOf(R"({"identityType":"UserIdentity"})").needsAmlToken());
  EXPECT_EQ(identityOf(R"({"identityType":"Managed"})").identity, IdentityType::Managed);
  EXPECT_FALSE(identityOf(R"({"identityType":"Managed"})").needsAmlToken());
  EXPECT_EQ(identityOf(R"({"identityType":"AMLToken"})").identity, IdentityType::AMLToken);
  EXPECT_TRUE(JobDecoder::decode(R"({"properties":{}})").needsAmlToken());
}

TEST(JobDecoder, ToleratesOddlyTypedFields) {
  const Job job = JobDecoder::decode(
      R"({"name":"x","properties":{"displayName":null,"tags":{"n":5,"b":true},"inputs":{"i":{"jobInputType":"literal","value":7}},"services":null}})");
  EXPECT_EQ(job.displayName, "");
  EXPECT_EQ(*job.tag("n"), "5");
  EXPECT_EQ(job.inputs[0].value, "7");
  EXPECT_EQ(job.studioEndpoint, "");
}

TEST(JobDecoder, InvalidJsonFailsWithInvalidJson) {
  EXPECT_EQ(test::errorOf([] { JobDecoder::decode("<html>"); }).code(), errc::InvalidJson);
}

// decodeForPoll: the fields a poll reports come out exactly as decode() reads them.
void expectSamePollFields(const Job& poll, const Job& full) {
  EXPECT_EQ(poll.name, full.name);
  EXPECT_EQ(poll.status, full.status);
  EXPECT_EQ(poll.startTime, full.startTime);
  EXPECT_EQ(poll.endTime, full.endTime);
  EXPECT_EQ(poll.errorCode, full.errorCode);
  EXPECT_EQ(poll.errorMessage, full.errorMessage);
  EXPECT_EQ(poll.studioEndpoint, full.studioEndpoint);
  EXPECT_EQ(poll.createdAt, full.createdAt);
}

std::string withStatus(std::string json, const std::string& status) {
  const std::string from = R"("status": "Failed")";
  json.replace(json.find(from), from.size(), R"("status": ")" + status + "\"");
  return json;
}

TEST(JobDecoder, APollOfARunningRunReadsItsStatusFieldsButNotItsInputsOutputsOrTags) {
  const std::string running =
      withStatus(kRun, "Running").insert(1, R"("systemData": {"createdAt": "2024-05-01T09:59:00Z"}, )");
  const Job full = JobDecoder::decode(running);
  const Job poll = JobDecoder::decodeForPoll(common::JsonView::parse(running, "t"));
  expectSamePollFields(poll, full);
  EXPECT_EQ(*poll.createdAt, "2024-05-01T09:59:00Z");
  EXPECT_EQ(poll.status, "Running");
  EXPECT_EQ(poll.studioEndpoint, "https://ml.azure.com/runs/run_1?wsid=/x");
  EXPECT_TRUE(poll.inputs.empty());
  EXPECT_TRUE(poll.outputs.empty());  // reported only once the run has finished
  EXPECT_TRUE(poll.tags.empty());
}

TEST(JobDecoder, APollOfAFinishedRunReadsItsOutputsLikeTheFullDecode) {
  for (const char* status : {"Completed", "Failed", "Canceled", "cancelled"}) {
    const std::string json = withStatus(kRun, status);
    const Job full = JobDecoder::decode(json);
    const Job poll = JobDecoder::decodeForPoll(common::JsonView::parse(json, "t"));
    expectSamePollFields(poll, full);
    ASSERT_EQ(poll.outputs.size(), full.outputs.size()) << status;
    for (std::size_t i = 0; i < poll.outputs.size(); ++i) {
      EXPECT_EQ(poll.outputs[i].name, full.outputs[i].name);
      EXPECT_EQ(poll.outputs[i].jobOutputType, full.outputs[i].jobOutputType);
      EXPECT_EQ(poll.outputs[i].uri, full.outputs[i].uri);
      EXPECT_EQ(poll.outputs[i].value, full.outputs[i].value);
      EXPECT_EQ(poll.outputs[i].mode, full.outputs[i].mode);
    }
    EXPECT_EQ(*poll.output("SCORE")->value, "0.93");
  }
}

TEST(JobDecoder, APollReadsTheLastOfRepeatedFieldsLikeTheFullDecode) {
  const std::string json =
      R"({"name":"a","properties":{"status":"Running","outputs":{"o":{"uri":"first"}}},"name":"b",)"
      R"("properties":{"status":"Completed","outputs":{"p":{"uri":"second"}},"error":null}})";
  const Job full = JobDecoder::decode(json);
  const Job poll = JobDecoder::decodeForPoll(common::JsonView::parse(json, "t"));
  expectSamePollFields(poll, full);
  EXPECT_EQ(poll.name, "b");
  ASSERT_EQ(poll.outputs.size(), 1u);
  EXPECT_EQ(poll.outputs[0].uri, "second");
}

}  // namespace
}  // namespace aifoundry::azureml
