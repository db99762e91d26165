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

}  // namespace
}  // namespace aifoundry::azureml
