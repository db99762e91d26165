// Run: the template is cloned faithfully, the parameters overlaid as literal text, and everything is
// validated before anything is submitted.
#include <Poco/URI.h>

#include <set>

#include "PipelineJobFixture.h"
#include "common/JsonView.h"
#include "pipeline_job/ConnectionSettings.h"
#include "pipeline_job/PipelineJobOptions.h"
#include "pipeline_job/PipelineSettingNames.h"
#include "pipeline_job/WorkspaceConnection.h"

namespace aifoundry::pipeline_job::testing {
namespace {

using common::JsonView;

class RunTest : public PipelineJobTest {
 protected:
  // The one PUT the emulator received.
  azureml_emulator::JournalEntry onlyPut() {
    const auto puts = journal("jobs.put");
    EXPECT_EQ(puts.size(), 1u);
    return puts.empty() ? azureml_emulator::JournalEntry{} : puts[0];
  }
  static std::string member(const std::string& json, std::initializer_list<const char*> path) {
    JsonView view = JsonView::parse(json, "test body");
    for (const char* key : path) {
      auto next = view.member(key);
      if (!next) return "<absent>";
      view = *next;
    }
    return std::string(view.raw());
  }
};

TEST_F(RunTest, BodyClonesTheTemplateAndOverlaysInputs) {
  const std::string templateJson = *emulator->workspace().renderJob(kTrainTemplate);
  const auto result = run(request(kTrainTemplate, {input("epochs", "25", core::DataType::Int)}));
  const auto put = onlyPut();
  EXPECT_EQ(put.path, emulator->workspaceArmId() + "/jobs/" + result.runId);
  EXPECT_NE(put.query.find("api-version=2024-10-01"), std::string::npos);
  // jobs and settings byte-for-byte as the template's.
  EXPECT_EQ(member(put.body, {"properties", "jobs"}), member(templateJson, {"properties", "jobs"}));
  EXPECT_EQ(member(put.body, {"properties", "settings"}), member(templateJson, {"properties", "settings"}));
  EXPECT_EQ(member(put.body, {"properties", "experimentName"}),
            member(templateJson, {"properties", "experimentName"}));
  EXPECT_EQ(member(put.body, {"properties", "computeId"}), member(templateJson, {"properties", "computeId"}));
  // Nothing read-only or server-filled.
  for (const char* field : {"id", "name", "type", "systemData"})
    EXPECT_EQ(member(put.body, {field}), "<absent>") << field;
  for (const char* field : {"status", "services"}) {
    EXPECT_EQ(member(put.body, {"properties", field}), "<absent>") << field;
  }
  // The overlaid input as a literal, the others untouched.
  EXPECT_EQ(member(put.body, {"properties", "inputs", "epochs"}),
            R"({"jobInputType":"literal","value":"25"})");
  EXPECT_EQ(member(put.body, {"properties", "inputs", "training_data"}),
            member(templateJson, {"properties", "inputs", "training_data"}));
  EXPECT_EQ(member(put.body, {"properties", "displayName"}), "\"Polysync nightly train-pipeline-template\"");
  EXPECT_EQ(member(put.body, {"properties", "tags", "polysync.template"}), "\"train-pipeline-template\"");
  EXPECT_EQ(member(put.body, {"properties", "tags", "team"}), "\"growth-ml\"")
      << "the template's tags are kept";
  EXPECT_EQ(put.header("x-azureml-token"), "***") << "identity null: the submitter's ML token goes along";
  EXPECT_EQ(put.status, 201);
  EXPECT_EQ(result.runId.rfind("train-pipeline-template", 0), 0u) << result.runId;
  EXPECT_TRUE(emulator->workspace().exists(result.runId));
}

TEST_F(RunTest, InputsAreSentAsLiteralTextOfTheirType) {
  run(request(
      kTrainTemplate,
      {input("epochs", "010", core::DataType::Int), input("learning_rate", "1e-3", core::DataType::Float),
       input("use_gpu", "true", core::DataType::Bool),
       input("config", R"({ "optimizer" : "sgd", "batch_size": 64 })", core::DataType::Json)}));
  const auto put = onlyPut();
  EXPECT_EQ(member(put.body, {"properties", "inputs", "epochs", "value"}), "\"10\"");
  EXPECT_EQ(member(put.body, {"properties", "inputs", "learning_rate", "value"}), "\"0.001\"");
  EXPECT_EQ(member(put.body, {"properties", "inputs", "use_gpu", "value"}), "\"True\"");
  EXPECT_EQ(JsonView::parse(put.body, "body")
                .member("properties")
                ->member("inputs")
                ->member("config")
                ->member("value")
                ->text(),
            R"({"optimizer":"sgd","batch_size":64})");
}

// Polysync leaves a parameter's direction unset when nobody chose one: it behaves like Input.
TEST_F(RunTest, AParameterWithoutADirectionIsSentAsAnInput) {
  core::Parameter epochs = input("epochs", "7", core::DataType::Int);
  epochs.direction = core::Direction::Unset;
  run(request(kTrainTemplate, {epochs}));
  EXPECT_EQ(member(onlyPut().body, {"properties", "inputs", "epochs"}),
            R"({"jobInputType":"literal","value":"7"})");
}

TEST_F(RunTest, OutputParametersAreNotSent) {
  run(request(kTrainTemplate, {output("model")}));
  EXPECT_EQ(member(onlyPut().body, {"properties", "inputs", "model"}), "<absent>");
}

TEST_F(RunTest, ComputeAttributeOverridesTheTemplatesCompute) {
  auto r = request(kTrainTemplate);
  r.attributes.push_back(core::Setting{std::string(common::settings::kComputeNameAttribute),
                                       common::SecretString("big-gpus"), false});
  run(r);
  EXPECT_EQ(member(onlyPut().body, {"properties", "computeId"}),
            "\"" + emulator->workspaceArmId() + "/computes/big-gpus\"");
}

TEST_F(RunTest, UnknownParameterFailsBeforeSubmittingWithInputNotFound) {
  const auto error = expectError([&] { run(request(kTrainTemplate, {input("epochz", "3")})); });
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidArgument);
  EXPECT_NE(error.message().find("InputNotFound"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("epochz"), std::string::npos);
  EXPECT_NE(error.message().find("learning_rate"), std::string::npos) << "the inputs that exist are listed";
  EXPECT_EQ(count("jobs.put"), 0u);
}

TEST_F(RunTest, AssetInputFailsBeforeSubmitting) {
  const auto error =
      expectError([&] { run(request(kTrainTemplate, {input("training_data", "azureml://x")})); });
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidArgument);
  EXPECT_NE(error.message().find("training_data"), std::string::npos) << error.message();
  EXPECT_EQ(count("jobs.put"), 0u);
}

TEST_F(RunTest, ValueAzureWouldRefuseFailsBeforeSubmitting) {
  for (const auto& bad :
       {input("learning_rate", "fast", core::DataType::Float), input("model_name", "---")}) {
    const auto error =
        expectError([&] { run(request(bad.name == "model_name" ? kScoreTemplate : kTrainTemplate, {bad})); });
    EXPECT_EQ(error.code(), core::ErrorCode::InvalidArgument) << error.message();
    EXPECT_NE(error.message().find(bad.name), std::string::npos) << error.message();
  }
  EXPECT_EQ(count("jobs.put"), 0u);
}

TEST_F(RunTest, SecretValuesAreSentButNeverLoggedOrEchoed) {
  const std::string secretValue = "TopSecretValue42";
  run(request(kScoreTemplate, {input("model_name", secretValue, core::DataType::Secret)}));
  EXPECT_EQ(member(onlyPut().body, {"properties", "inputs", "model_name", "value"}),
            "\"" + secretValue + "\"");
  EXPECT_EQ(host->allText().find(secretValue), std::string::npos);
  // A refused secret value is named, never quoted.
  const auto error =
      expectError([&] { run(request(kTrainTemplate, {input("epochs", "-.-.-", core::DataType::Secret)})); });
  EXPECT_EQ(error.message().find("-.-.-"), std::string::npos) << error.message();
}

TEST_F(RunTest, MissingTemplateIsNamedInANotFoundError) {
  const auto error = expectError([&] { run(request("no-such-template")); });
  EXPECT_EQ(error.code(), core::ErrorCode::NotFound);
  EXPECT_NE(error.message().find("no-such-template"), std::string::npos) << error.message();
  EXPECT_EQ(count("jobs.put"), 0u);
}

TEST_F(RunTest, TemplateThatIsNotAPipelineIsRefused) {
  emulator->workspace().addTemplate(
      "a-command-job", R"({"jobType":"Command","command":"python train.py","environmentId":")" +
                           emulator->workspaceArmId() + R"(/environments/env/versions/1","computeId":")" +
                           emulator->workspaceArmId() + R"(/computes/cpu"})");
  const auto error = expectError([&] { run(request("a-command-job")); });
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidArgument);
  EXPECT_NE(error.message().find("a-command-job"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("not a pipeline"), std::string::npos) << error.message();
  EXPECT_EQ(count("jobs.put"), 0u);
}

TEST_F(RunTest, RunReturnsTheMonitorUrl) {
  const auto result = run(request(kTrainTemplate));
  EXPECT_NE(result.monitorUrl.find("/runs/" + result.runId), std::string::npos) << result.monitorUrl;
  // Azure's form of the workspace in a Studio link: "resourcegroups", no provider segment.
  const auto& o = emulator->options();
  EXPECT_NE(result.monitorUrl.find("wsid=/subscriptions/" + o.subscription + "/resourcegroups/" +
                                   o.resourceGroup + "/workspaces/" + o.workspace),
            std::string::npos)
      << result.monitorUrl;
  EXPECT_NE(result.monitorUrl.find("tid=" + emulator->options().tenant), std::string::npos)
      << result.monitorUrl;
}

// A sovereign cloud with every endpoint pointed at the emulator: the job type asks for that cloud's scopes
// (ARM and, for the submission's x-azureml-token, Azure ML), and `Studio Host` builds the Monitor URL when
// the service gave no Studio link of its own (the service's link wins when it did, per the contract).
TEST_F(RunTest, SovereignCloudUsesItsScopesAndTheStudioHostOverride) {
  namespace names = pipeline_job::names;
  const Settings gov = {
      {std::string(common::settings::kAzureCloud), std::string(common::settings::kCloudUsGovernment)},
      {std::string(common::settings::kStudioHost), "studio.gov.example"}};
  auto instanceGov = connect(gov);
  const auto result = run(request(kTrainTemplate), instanceGov.get());
  EXPECT_FALSE(result.monitorUrl.empty());
  std::set<std::string> scopes;
  for (const auto& entry : journal("token")) {
    const auto at = entry.body.find("scope=");
    std::string scope;
    Poco::URI::decode(entry.body.substr(at + 6, entry.body.find('&', at) - at - 6), scope, true);
    scopes.insert(scope);
  }
  EXPECT_EQ(scopes.count("https://management.usgovcloudapi.net/.default"), 1u);
  for (const auto& scope : scopes)
    EXPECT_TRUE(scope == "https://management.usgovcloudapi.net/.default" ||
                scope == "https://ml.azure.us/.default")
        << scope;

  WorkspaceConnection connection(ConnectionSettings::parse(settings(gov)), *host, PipelineJobOptions{});
  EXPECT_EQ(connection.monitorUrl("", "run-1").rfind("https://studio.gov.example/runs/run-1?wsid=", 0), 0u)
      << connection.monitorUrl("", "run-1");
  WorkspaceConnection plainGov(ConnectionSettings::parse(settings(
                                   {{std::string(common::settings::kAzureCloud), "AzureUSGovernment"}})),
                               *host, PipelineJobOptions{});
  EXPECT_EQ(plainGov.monitorUrl("", "run-1").rfind("https://ml.azure.us/runs/run-1?wsid=", 0), 0u)
      << plainGov.monitorUrl("", "run-1");
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
