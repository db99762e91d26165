#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/JobDecoder.h"
#include "azureml/PolysyncTags.h"
#include "azureml/TemplateCloner.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Direction;
using core::Parameter;

const WorkspaceRef kWs{"00000000-1111-2222-3333-444444444444", "test-rg", "my-aml-workspace"};

// A realistic template as GET returns it, with tricky JSON in jobs and settings.
const std::string kJobs =
    R"({"train_step": {"type": "command", "z_first": 1.0, "a_second": 1e5, "neg": -0.0, "big": 12345678901234567890,)"
    R"( "text": "caf\u00e9 \ud83d\ude00 \"q\" \/", "inputs": {"lr": {"job_input_type": "literal", "value": "${{parent.inputs.learning_rate}}"}},)"
    R"( "deep": [[[[[[{"k": [1, 2.50, 3E-2]}]]]]]], "empty": {}, "nothing": null, "flag": false}})";
const std::string kSettings =
    R"({"default_compute": "azureml:cpu-cluster", "continue_on_step_failure": true, "x": 1.10})";

std::string templateJson() {
  return R"({
  "id": "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/test-rg/providers/Microsoft.MachineLearningServices/workspaces/my-aml-workspace/jobs/train_tpl",
  "name": "train_tpl",
  "type": "Microsoft.MachineLearningServices/workspaces/jobs",
  "systemData": {"createdAt": "2024-01-01T00:00:00Z", "createdBy": "someone"},
  "properties": {
    "description": "Trains the model",
    "tags": {"team": "ml", "polysync.template": "old"},
    "properties": {"azureml.runsource": "azureml.PipelineRun"},
    "displayName": "Train template",
    "status": "Completed",
    "experimentName": "training",
    "services": {"Studio": {"jobServiceType": "Studio", "endpoint": "https://ml.azure.com/runs/train_tpl"}},
    "computeId": "/subscriptions/x/computes/cpu-cluster",
    "identity": {"identityType": "UserIdentity"},
    "isArchived": false,
    "jobType": "Pipeline",
    "settings": )" +
         kSettings + R"(,
    "jobs": )" +
         kJobs + R"(,
    "inputs": {
      "learning_rate": {"jobInputType": "literal", "value": "0.01"},
      "data": {"jobInputType": "uri_folder", "uri": "azureml://datastores/d/paths/p", "mode": "ReadOnlyMount"}
    },
    "outputs": {"model": {"jobOutputType": "uri_folder", "mode": "ReadWriteMount", "uri": "azureml://datastores/d/paths/out"}}
  }
})";
}

CloneRequest request() {
  CloneRequest r;
  r.templateName = "train_tpl";
  r.displayName = "Nightly training";
  r.idempotencyKey = "key-123";
  r.parameters = {
      Parameter{"learning_rate", Direction::Input, DataType::Float, common::SecretString("1e-3"), false},
      Parameter{"model", Direction::Output, DataType::String, common::SecretString(), false}};
  return r;
}

std::string clone(const CloneRequest& r = request(), const std::string& tpl = templateJson()) {
  return test::plain(TemplateCloner(kWs).buildRequestBody(tpl, r));
}

TEST(TemplateCloner, JobsAndSettingsAreCopiedByteForByte) {
  const std::string body = clone();
  EXPECT_EQ(test::at(body, {"properties", "jobs"}), kJobs);
  EXPECT_EQ(test::at(body, {"properties", "settings"}), kSettings);
}

TEST(TemplateCloner, BodyIsValidJsonForAnIndependentParser) {
  Poco::JSON::Parser parser;
  EXPECT_NO_THROW(parser.parse(clone()));
}

TEST(TemplateCloner, CopiesTypeDescriptionExperimentIdentityAndOutputs) {
  const std::string body = clone();
  EXPECT_EQ(test::at(body, {"properties", "jobType"}), "\"Pipeline\"");
  EXPECT_EQ(test::at(body, {"properties", "description"}), "\"Trains the model\"");
  EXPECT_EQ(test::at(body, {"properties", "experimentName"}), "\"training\"");
  EXPECT_EQ(test::at(body, {"properties", "identity"}), R"({"identityType": "UserIdentity"})");
  EXPECT_EQ(
      test::at(body, {"properties", "outputs"}),
      R"({"model": {"jobOutputType": "uri_folder", "mode": "ReadWriteMount", "uri": "azureml://datastores/d/paths/out"}})");
}

TEST(TemplateCloner, DisplayNameIsThePolysyncName) {
  EXPECT_EQ(test::at(clone(), {"properties", "displayName"}), "\"Nightly training\"");
  CloneRequest r = request();
  r.displayName.clear();
  EXPECT_EQ(test::at(clone(r), {"properties", "displayName"}), "\"Train template\"");
}

TEST(TemplateCloner, ReadOnlyAndServerFilledFieldsAreNeverSent) {
  const std::string body = clone();
  for (const char* top : {"id", "name", "type", "systemData"}) EXPECT_FALSE(test::has(body, {top})) << top;
  for (const char* field : {"status", "services", "systemData", "properties", "isArchived", "id", "name"})
    EXPECT_FALSE(test::has(body, {"properties", field})) << field;
}

TEST(TemplateCloner, InputsAreOverlaidAndAssetInputsKept) {
  const std::string body = clone();
  EXPECT_EQ(test::at(body, {"properties", "inputs", "learning_rate"}),
            R"({"jobInputType":"literal","value":"0.001"})");
  EXPECT_EQ(test::at(body, {"properties", "inputs", "data", "uri"}), "\"azureml://datastores/d/paths/p\"");
}

TEST(TemplateCloner, ComputeIdIsTheTemplatesUnlessOverridden) {
  EXPECT_EQ(test::at(clone(), {"properties", "computeId"}), "\"/subscriptions/x/computes/cpu-cluster\"");
  CloneRequest r = request();
  r.computeOverride = "gpu-cluster";
  EXPECT_EQ(test::at(clone(r), {"properties", "computeId"}),
            "\"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/test-rg/providers/"
            "Microsoft.MachineLearningServices/workspaces/my-aml-workspace/computes/gpu-cluster\"");
  r.computeOverride =
      "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/computes/c";
  EXPECT_EQ(test::at(clone(r), {"properties", "computeId"}), "\"" + r.computeOverride + "\"");
  r.computeOverride = "bad name!";
  EXPECT_EQ(test::errorOf([&] { clone(r); }).code(), errc::InvalidSetting);
}

TEST(TemplateCloner, TagsAreCopiedAndPolysyncTagsAdded) {
  const std::string body = clone();
  EXPECT_EQ(test::at(body, {"properties", "tags", "team"}), "\"ml\"");
  EXPECT_EQ(test::at(body, {"properties", "tags", std::string(tags::kTemplate).c_str()}), "\"train_tpl\"");
  EXPECT_EQ(test::at(body, {"properties", "tags", std::string(tags::kIdempotencyKey).c_str()}),
            "\"key-123\"");
  // The template's own polysync.* tags are not passed on (only ours, once).
  const Job decoded = JobDecoder::decode(body);
  int templateTags = 0;
  for (const auto& [k, v] : decoded.tags) templateTags += k == tags::kTemplate ? 1 : 0;
  EXPECT_EQ(templateTags, 1);
}

TEST(TemplateCloner, WithoutIdempotencyKeyOnlyTheTemplateTagIsAdded) {
  CloneRequest r = request();
  r.idempotencyKey.reset();
  const std::string body = clone(r);
  EXPECT_FALSE(test::has(body, {"properties", "tags", std::string(tags::kIdempotencyKey).c_str()}));
  EXPECT_TRUE(test::has(body, {"properties", "tags", std::string(tags::kTemplate).c_str()}));
}

TEST(TemplateCloner, NonPipelineTemplateFailsWithNotAPipeline) {
  const std::string command = R"({"name":"c","properties":{"jobType":"Command","command":"echo"}})";
  const auto e = test::errorOf([&] { clone(request(), command); });
  EXPECT_EQ(e.code(), errc::NotAPipeline);
  EXPECT_NE(std::string(e.what()).find("'train_tpl'"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("Command"), std::string::npos);
}

TEST(TemplateCloner, JobTypeIsComparedCaseInsensitively) {
  const std::string lower = R"({"properties":{"jobType":"pipeline","jobs":{},"inputs":{}}})";
  CloneRequest r = request();
  r.parameters.clear();
  EXPECT_EQ(test::at(clone(r, lower), {"properties", "jobType"}), "\"pipeline\"");
}

TEST(TemplateCloner, InvalidTemplateFailsWithInvalidJson) {
  EXPECT_EQ(test::errorOf([] { clone(request(), "{\"properties\": "); }).code(), errc::InvalidJson);
  EXPECT_EQ(test::errorOf([] { clone(request(), "{\"name\": \"x\"}"); }).code(), errc::InvalidJson);
}

TEST(TemplateCloner, MissingInputFailsBeforeAnyBodyIsBuilt) {
  CloneRequest r = request();
  r.parameters.push_back(
      Parameter{"epochs", Direction::Input, DataType::Int, common::SecretString("3"), false});
  const auto e = test::errorOf([&] { clone(r); });
  EXPECT_EQ(e.code(), errc::InputNotFound);
  EXPECT_NE(std::string(e.what()).find("'learning_rate', 'data'"), std::string::npos);
}

TEST(TemplateCloner, TrickyJsonSurvivesWhenTheTemplateIsCompactOrPretty) {
  // Whitespace inside jobs is part of its exact text, and is kept too.
  const std::string pretty =
      "{ \"properties\" : {\n \"jobType\" : \"Pipeline\",\n \"jobs\" : {\n   \"s\" : [ 1.0 ,\n 2 ]\n }\n}\n}";
  CloneRequest r = request();
  r.parameters.clear();
  EXPECT_EQ(test::at(clone(r, pretty), {"properties", "jobs"}), "{\n   \"s\" : [ 1.0 ,\n 2 ]\n }");
}

TEST(TemplateCloner, DeeplyNestedJobsAndEscapedKeysAreCopiedByteForByte) {
  // Deep, yet within JsonView::kMaxDepth (128) with the template's own levels around it.
  const std::string jobs = "{\"k\\u00e9y\":" + std::string(120, '[') + "{\"z\":1.0,\"a\":-0}" +
                           std::string(120, ']') + ",\"\\ud83d\\ude00\":\"\\u0000\\t\"}";
  const std::string settings = R"({"b":1E+2,"a":0.10,"c":[],"d":{"\/":"\""}})";
  const std::string tpl =
      R"({"properties":{"jobs":)" + jobs + R"(,"jobType":"Pipeline","settings":)" + settings + "}}";
  CloneRequest r = request();
  r.parameters.clear();
  const std::string body = clone(r, tpl);
  EXPECT_EQ(test::at(body, {"properties", "jobs"}), jobs);
  EXPECT_EQ(test::at(body, {"properties", "settings"}), settings);
}

TEST(TemplateCloner, ClonesATenMegabyteTemplate) {
  std::string jobs = "{";
  for (int i = 0; jobs.size() < 10u * 1024 * 1024; ++i) {
    if (i) jobs += ",";
    jobs += "\"step_" + std::to_string(i) +
            R"(": {"type": "command", "component": "azureml:c:1", "x": 1.0,)"
            R"( "inputs": {"a": {"job_input_type": "literal", "value": "${{parent.inputs.learning_rate}}"}},)"
            R"( "nested": [{"k": "v \u00e9"}, [1e5, null, true]]})";
  }
  jobs += "}";
  const std::string tpl = R"({"name":"big","properties":{"jobType":"Pipeline","inputs":{"learning_rate":)"
                          R"({"jobInputType":"literal","value":"1"}},"jobs":)" +
                          jobs + "}}";
  CloneRequest r = request();
  r.templateName = "big";
  const std::string body = clone(r, tpl);
  const common::JsonView root = common::JsonView::parse(body, "body");
  EXPECT_EQ(root.member("properties")->member("jobs")->raw().size(), jobs.size());
  EXPECT_LT(body.size(), tpl.size() + 1024);
}

}  // namespace
}  // namespace aifoundry::azureml
