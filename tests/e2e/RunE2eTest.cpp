// Run through the ABI: the body on the wire is the template's, cloned faithfully with the parameters overlaid
// as literal text; anything Azure would refuse is refused before a single PUT.
#include <set>

#include "E2eFixture.h"

namespace e2e {
namespace {

class RunE2eTest : public E2eTest {
 protected:
  azureml_emulator::JournalEntry onlyPut() {
    const auto puts = journal("jobs.put");
    EXPECT_EQ(puts.size(), 1u);
    return puts.empty() ? azureml_emulator::JournalEntry{} : puts[0];
  }
  // The run is refused with InvalidArgument naming `mention`, and nothing was submitted.
  void expectRefusedBeforeSubmitting(const host::RunRequest& r, std::initializer_list<const char*> mentions) {
    const auto error = expectError([&] { connection->run(r); });
    EXPECT_EQ(error.code(), PSJ_E_INVALID_ARGUMENT) << error.what();
    for (const char* mention : mentions)
      EXPECT_NE(std::string(error.what()).find(mention), std::string::npos) << error.what();
    EXPECT_EQ(count("jobs.put"), 0u) << "a PUT was sent for a refused run";
    EXPECT_EQ(runsInWorkspace(), 0u);
  }
};

TEST_F(RunE2eTest, BodyIsTheTemplateClonedWithTheParametersOverlaid) {
  const std::string templateJson = *emulator->workspace().renderJob(kTrain);
  const auto submission =
      connection->run(request(kTrain, {input("epochs", "25", PSJ_TYPE_INT), output("model")}));
  const auto put = onlyPut();
  EXPECT_EQ(put.method, "PUT");
  EXPECT_EQ(put.path, emulator->workspaceArmId() + "/jobs/" + submission.runId);
  EXPECT_NE(put.query.find("api-version=2024-10-01"), std::string::npos) << put.query;
  EXPECT_EQ(put.status, 201) << put.body;
  EXPECT_EQ(put.header("x-azureml-token"), "***") << "identity null: the Azure ML token goes along";

  // jobs and settings equal as JSON; the rest of the definition copied.
  for (const char* field : {"jobs", "settings", "experimentName", "computeId", "description", "jobType"})
    EXPECT_EQ(memberJson(put.body, {"properties", field}), memberJson(templateJson, {"properties", field}))
        << field;
  // Outputs copied, except that a path the service resolved for the template's own name goes back to
  // ${{name}}: the run writes into its own folder, never into the template's.
  const std::string templateModelUri = memberJson(templateJson, {"properties", "outputs", "model", "uri"});
  ASSERT_NE(templateModelUri.find("/" + std::string(kTrain) + "/"), std::string::npos) << templateModelUri;
  std::string expectedUri = templateModelUri;
  expectedUri.replace(expectedUri.find("/" + std::string(kTrain) + "/"), std::string(kTrain).size() + 2,
                      "/${{name}}/");
  EXPECT_EQ(memberJson(put.body, {"properties", "outputs", "model", "uri"}), expectedUri);
  EXPECT_EQ(memberJson(put.body, {"properties", "outputs", "model", "jobOutputType"}),
            memberJson(templateJson, {"properties", "outputs", "model", "jobOutputType"}));
  // Nothing read-only or server-filled.
  EXPECT_EQ(keysOf(put.body, {}), std::vector<std::string>{"properties"});
  const std::set<std::string> writable{
      "jobType",  "displayName", "description", "experimentName", "computeId",
      "identity", "inputs",      "outputs",     "jobs",           "settings",
      "tags",     "isArchived",  "componentId", "sourceJobId",    "notificationSetting"};
  for (const auto& key : keysOf(put.body, {"properties"})) EXPECT_TRUE(writable.count(key)) << "sent " << key;
  // The parameter overlaid as a literal, the other inputs untouched, the Output parameter not sent.
  EXPECT_EQ(memberJson(put.body, {"properties", "inputs", "epochs"}),
            R"({"jobInputType":"literal","value":"25"})");
  for (const char* other : {"training_data", "learning_rate", "use_gpu", "config"})
    EXPECT_EQ(memberJson(put.body, {"properties", "inputs", other}),
              memberJson(templateJson, {"properties", "inputs", other}))
        << other;
  EXPECT_EQ(memberJson(put.body, {"properties", "inputs", "model"}), "<absent>");
  EXPECT_EQ(memberJson(put.body, {"properties", "displayName"}), "\"E2E train-pipeline-template\"");
  EXPECT_EQ(memberJson(put.body, {"properties", "tags", "polysync.template"}), "\"train-pipeline-template\"");
  EXPECT_EQ(memberJson(put.body, {"properties", "tags", "team"}), "\"growth-ml\"");

  // What the host received: the RunId (the new job's name) and its Monitor URL.
  EXPECT_EQ(submission.runId.rfind(kTrain, 0), 0u) << submission.runId;
  ASSERT_TRUE(submission.monitorUrl.has_value());
  EXPECT_NE(submission.monitorUrl->find("/runs/" + submission.runId), std::string::npos)
      << *submission.monitorUrl;
  EXPECT_EQ(runsInWorkspace(), 1u);
}

TEST_F(RunE2eTest, TypedValuesAreSentAsTheTextAzureExpects) {
  connection->run(
      request(kTrain, {input("epochs", "010", PSJ_TYPE_INT), input("learning_rate", "1e-3", PSJ_TYPE_FLOAT),
                       input("use_gpu", "true", PSJ_TYPE_BOOL),
                       input("config", R"({ "optimizer" : "sgd", "batch_size": 64 })", PSJ_TYPE_JSON)}));
  const auto body = onlyPut().body;
  EXPECT_EQ(memberJson(body, {"properties", "inputs", "epochs", "value"}), "\"10\"");
  EXPECT_EQ(memberJson(body, {"properties", "inputs", "learning_rate", "value"}), "\"0.001\"");
  EXPECT_EQ(memberJson(body, {"properties", "inputs", "use_gpu", "value"}), "\"True\"");
  EXPECT_EQ(parseObject(body)
                ->getObject("properties")
                ->getObject("inputs")
                ->getObject("config")
                ->getValue<std::string>("value"),
            R"({"optimizer":"sgd","batch_size":64})");
  EXPECT_EQ(memberJson(body, {"properties", "inputs", "config", "jobInputType"}), "\"literal\"");
}

TEST_F(RunE2eTest, UnknownParameterIsRefusedWithInputNotFoundListingTheInputs) {
  expectRefusedBeforeSubmitting(request(kTrain, {input("epochz", "3", PSJ_TYPE_INT)}),
                                {"InputNotFound", "epochz", "learning_rate", "epochs", "use_gpu", "config"});
  EXPECT_EQ(count("jobs.get"), 1u) << "only the template was read";
}

TEST_F(RunE2eTest, AssetInputIsRefusedBeforeSubmitting) {
  expectRefusedBeforeSubmitting(request(kTrain, {input("training_data", "azureml://datastores/x/paths/y/")}),
                                {"training_data"});
}

TEST_F(RunE2eTest, ValuesAzureWouldRefuseAreRefusedBeforeSubmitting) {
  expectRefusedBeforeSubmitting(request(kScore, {input("model_name", "---")}), {"model_name"});
  expectRefusedBeforeSubmitting(request(kScore, {input("model_name", "")}), {"model_name"});
}

TEST_F(RunE2eTest, SecretValueIsSentButNeverEchoed) {
  const std::string secret = "Canary-Secret-Value-7f3a";
  connection->run(request(kScore, {input("model_name", secret, PSJ_TYPE_SECRET)}));
  EXPECT_EQ(memberJson(onlyPut().body, {"properties", "inputs", "model_name", "value"}),
            "\"" + secret + "\"");
  EXPECT_NE(hostLog().find("submitted run"), std::string::npos) << "the plugin logs through the host";
  EXPECT_EQ(hostLog().find(secret), std::string::npos) << "a Secret parameter reached the host's log";
  const auto error =
      expectError([&] { connection->run(request(kTrain, {input("epochs", "-.-", PSJ_TYPE_SECRET)})); });
  EXPECT_EQ(std::string(error.what()).find("-.-"), std::string::npos) << error.what();
}

TEST_F(RunE2eTest, MissingTemplateIsANotFoundNamingIt) {
  const auto error = expectError([&] { connection->run(request("no-such-template")); });
  EXPECT_EQ(error.code(), PSJ_E_NOT_FOUND);
  EXPECT_NE(std::string(error.what()).find("no-such-template"), std::string::npos) << error.what();
  EXPECT_EQ(count("jobs.put"), 0u);
}

}  // namespace
}  // namespace e2e
