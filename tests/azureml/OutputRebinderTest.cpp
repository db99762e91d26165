#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/OutputRebinder.h"
#include "azureml/TemplateCloner.h"
#include "common/JsonView.h"

namespace aifoundry::azureml {
namespace {

std::string rebind(const std::string& outputs, const std::string& templateName = "train_tpl") {
  return OutputRebinder::rebind(common::JsonView::parse(outputs, "outputs"), templateName);
}

TEST(OutputRebinder, TheServiceDefaultPathOfTheTemplateBecomesTheRunsOwn) {
  const std::string out =
      rebind(R"({"model": {"jobOutputType": "uri_folder", "mode": "ReadWriteMount",)"
             R"( "uri": "azureml://datastores/workspaceblobstore/paths/azureml/train_tpl/model/"}})");
  EXPECT_EQ(test::at(out, {"model", "uri"}),
            "\"azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/model/\"");
  EXPECT_EQ(test::at(out, {"model", "mode"}), "\"ReadWriteMount\"");
  EXPECT_EQ(test::at(out, {"model", "jobOutputType"}), "\"uri_folder\"");
}

TEST(OutputRebinder, OnlyWholeSegmentsEqualToTheTemplateNameChange) {
  EXPECT_EQ(OutputRebinder::rebindPath("azureml://datastores/d/paths/train_tpl_v2/x", "train_tpl"),
            "azureml://datastores/d/paths/train_tpl_v2/x");
  EXPECT_EQ(OutputRebinder::rebindPath("azureml://datastores/d/paths/my/train_tpl", "train_tpl"),
            "azureml://datastores/d/paths/my/${{name}}");
  EXPECT_EQ(OutputRebinder::rebindPath("train_tpl/a/train_tpl/", "train_tpl"), "${{name}}/a/${{name}}/");
  EXPECT_EQ(OutputRebinder::rebindPath("azureml://datastores/d/paths/x", ""),
            "azureml://datastores/d/paths/x");
  EXPECT_EQ(OutputRebinder::rebindPath("train_tpl", "train_tpl"), "train_tpl")
      << "a bare word is not a folder";
}

TEST(OutputRebinder, OutputsWithoutTheTemplatesNameAreCopiedByteForByte) {
  const std::string outputs =
      R"({"a": {"jobOutputType": "uri_file", "uri": "azureml://datastores/d/paths/fixed.csv"}, "b": null,)"
      R"( "c": {"jobOutputType": "mlflow_model"}, "d": {"uri": 5}})";
  EXPECT_EQ(rebind(outputs), outputs);
}

TEST(OutputRebinder, OddShapesAreCopiedNotRefused) {
  EXPECT_EQ(rebind("null"), "null");
  EXPECT_EQ(rebind("[1,2]"), "[1,2]");
  EXPECT_EQ(rebind(R"({"a": "train_tpl"})"), R"({"a": "train_tpl"})");
}

TEST(OutputRebinder, TheClonedRunNeverWritesIntoTheTemplatesFolder) {
  const std::string tpl =
      R"({"name": "train_tpl", "properties": {"jobType": "Pipeline", "jobs": {},)"
      R"( "outputs": {"model": {"jobOutputType": "uri_folder",)"
      R"( "uri": "azureml://datastores/workspaceblobstore/paths/azureml/train_tpl/model/"}}}})";
  CloneRequest request;
  request.templateName = "train_tpl";
  const std::string body =
      test::plain(TemplateCloner(WorkspaceRef{"00000000-1111-2222-3333-444444444444", "rg", "ws"})
                      .buildRequestBody(tpl, request));
  EXPECT_EQ(test::at(body, {"properties", "outputs", "model", "uri"}),
            "\"azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/model/\"");
}

}  // namespace
}  // namespace aifoundry::azureml
