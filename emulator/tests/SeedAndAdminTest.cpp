// A seed loaded from a file (templates validated like a PUT, clients registered) and the admin API's
// large-template generator.
#include <Poco/JSON/Array.h>
#include <Poco/TemporaryFile.h>

#include <fstream>
#include <stdexcept>
#include <string>

#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

// One seeded template whose one literal input is bound by its one step; `properties` may be replaced.
std::string seedText(const std::string& name, const std::string& inputName = "greeting") {
  return R"({
  "clients": [{"clientId": "seeded-client", "secret": "seeded-secret", "role": "Reader"}],
  "templates": [{
    "name": ")" +
         name + R"(", "status": "Failed", "createdAt": "2024-06-01T10:00:00Z",
    "properties": {
      "jobType": "Pipeline", "displayName": "Seeded from a file",
      "computeId": "${workspaceId}/computes/cpu-cluster",
      "tags": {"origin": "seed-file"},
      "inputs": {")" +
         inputName + R"(": {"jobInputType": "literal", "value": "hello"}},
      "jobs": {"say": {"type": "command", "name": "say", "component": "azureml:say:1",
        "inputs": {"greeting": {"job_input_type": "literal", "value": "${{parent.inputs.greeting}}"}}}}
    }
  }]
})";
}

class SeedFileTest : public EmulatorTest {
 protected:
  void SetUp() override {}  // each test builds its own emulator from its own seed file
  void startWith(const std::string& text) {
    std::ofstream(seed_.path()) << text;
    auto options = makeOptions();
    options.seedFile = seed_.path();
    emulator = std::make_unique<Emulator>(options);
    emulator->start();
  }
  Poco::TemporaryFile seed_;
};

TEST_F(SeedFileTest, TemplatesAndClientsComeFromTheFileInsteadOfTheDemo) {
  startWith(seedText("seeded-template"));
  EXPECT_EQ(emulator->workspace().jobCount(), 1u) << "the file replaces the built-in demo seed";
  auto result = getJob("seeded-template");
  ASSERT_EQ(result.status, 200) << result.body;
  auto properties = result.json()->getObject("properties");
  EXPECT_EQ(properties->getValue<std::string>("displayName"), "Seeded from a file");
  EXPECT_EQ(properties->getValue<std::string>("status"), "Failed");
  EXPECT_EQ(properties->getValue<std::string>("computeId"),
            emulator->workspaceArmId() + "/computes/cpu-cluster")
      << "${workspaceId} is replaced";
  EXPECT_EQ(properties->getObject("tags")->getValue<std::string>("origin"), "seed-file");
  EXPECT_EQ(getJob("train-pipeline-template").status, 404);

  auto token = send(*emulator, "POST", "/" + emulator->options().tenant + "/oauth2/v2.0/token",
                    "grant_type=client_credentials&client_id=seeded-client&client_secret=seeded-secret"
                    "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default",
                    {}, "application/x-www-form-urlencoded");
  ASSERT_EQ(token.status, 200) << token.body;
  // The seeded role holds: a Reader may read but not write.
  const Headers reader{{"Authorization", "Bearer " + token.json()->getValue<std::string>("access_token")}};
  EXPECT_EQ(send(*emulator, "GET", jobUrl("seeded-template"), "", reader).status, 200);
  EXPECT_EQ(send(*emulator, "PUT", jobUrl("reader-put"), runBodyFrom("seeded-template"), reader).status, 403);
}

TEST_F(SeedFileTest, ATemplateAzureWouldRefuseStopsTheStartWithTheReason) {
  // The step binds parent.inputs.greeting, which the template does not declare: a PUT gets InputNotFound.
  std::ofstream(seed_.path()) << seedText("bad-template", "salutation");
  auto options = makeOptions();
  options.seedFile = seed_.path();
  try {
    Emulator refused(options);
    FAIL() << "a seed with a template Azure ML would refuse was accepted";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("seed '" + seed_.path() + "'"), std::string::npos) << message;
    EXPECT_NE(message.find("template 'bad-template' would be refused by Azure ML (InputNotFound)"),
              std::string::npos)
        << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST_F(SeedFileTest, ATemplateWithAnInvalidJobNameIsRefused) {
  std::ofstream(seed_.path()) << seedText("not a valid name!");
  auto options = makeOptions();
  options.seedFile = seed_.path();
  EXPECT_THROW(Emulator refused(options), std::invalid_argument);
}

TEST_F(SeedFileTest, AMissingSeedFileIsExplained) {
  auto options = makeOptions();
  options.seedFile = seed_.path() + ".does-not-exist";
  try {
    Emulator refused(options);
    FAIL() << "a missing seed file was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("cannot read seed file"), std::string::npos) << e.what();
  }
}

class AdminLargeTemplateTest : public EmulatorTest {};

TEST_F(AdminLargeTemplateTest, PostAddsATemplateWithThatManySteps) {
  const size_t before = emulator->workspace().jobCount();
  auto result =
      send(*emulator, "POST", "/_admin/jobs/large-template", R"({"steps": 25, "name": "wide-pipeline"})");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.json()->getValue<std::string>("name"), "wide-pipeline");
  EXPECT_EQ(emulator->workspace().jobCount(), before + 1);
  auto job = getJob("wide-pipeline");
  ASSERT_EQ(job.status, 200) << job.body;
  auto properties = job.json()->getObject("properties");
  EXPECT_EQ(properties->getObject("jobs")->size(), 25u);
  EXPECT_EQ(properties->getObject("inputs")->getObject("shard_count")->getValue<std::string>("value"), "25");
  EXPECT_EQ(properties->getValue<std::string>("status"), "Completed");
}

TEST_F(AdminLargeTemplateTest, WithoutANameItIsTheLargePipelineTemplate) {
  auto result = send(*emulator, "POST", "/_admin/jobs/large-template", R"({"steps": 3})");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.json()->getValue<std::string>("name"), "large-pipeline-template");
  EXPECT_EQ(getJob("large-pipeline-template").json()->getObject("properties")->getObject("jobs")->size(), 3u);
}

TEST_F(AdminLargeTemplateTest, WithoutStepsItIs400AndAddsNothing) {
  const size_t before = emulator->workspace().jobCount();
  auto result = send(*emulator, "POST", "/_admin/jobs/large-template", R"({"name": "no-steps"})");
  EXPECT_EQ(result.status, 400) << result.body;
  EXPECT_EQ(emulator->workspace().jobCount(), before);
}

}  // namespace
}  // namespace azureml_emulator::testing
