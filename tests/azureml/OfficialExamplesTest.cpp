// Every official example payload of the REST specification (tests/data/azureml-examples/), run through the
// pure layer: what the job type does with each operation's request and reply.
#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/DiscoveryFilter.h"
#include "azureml/ImportedJobSchema.h"
#include "azureml/JobDecoder.h"
#include "azureml/JobListPage.h"
#include "azureml/JobName.h"
#include "azureml/MonitorUrl.h"
#include "azureml/StatusDecoder.h"
#include "azureml/TemplateCloner.h"
#include "azureml/WorkspaceUrls.h"
#include "common/JsonText.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Direction;
using core::Parameter;

using test::at;
using test::readExample;

WorkspaceRef workspaceOf(const std::string& example) {
  return WorkspaceRef::validated(
      common::JsonView::parse(at(example, {"parameters", "subscriptionId"}), "s").text(),
      common::JsonView::parse(at(example, {"parameters", "resourceGroupName"}), "r").text(),
      common::JsonView::parse(at(example, {"parameters", "workspaceName"}), "w").text());
}

TEST(OfficialExamples, GetPipelineJobDecodes) {
  const std::string example = readExample("Jobs_Get-PipelineJob-get.json");
  const Job job = JobDecoder::decode(at(example, {"responses", "200", "body"}));
  EXPECT_EQ(job.name, "string");
  EXPECT_TRUE(job.isPipeline());
  EXPECT_EQ(job.status, "NotStarted");
  EXPECT_EQ(StatusDecoder::decode(job.status), RunState::Starting);
  EXPECT_EQ(job.displayName, "string");
  EXPECT_EQ(job.computeId, "string");
  ASSERT_EQ(job.inputs.size(), 1u);
  EXPECT_TRUE(job.inputs[0].literal);
  EXPECT_EQ(job.inputs[0].value, "string");
  ASSERT_EQ(job.outputs.size(), 1u);
  EXPECT_EQ(job.outputs[0].jobOutputType, "uri_file");
  EXPECT_EQ(job.outputs[0].uri, "string");
  EXPECT_EQ(job.identity, IdentityType::None);
  EXPECT_TRUE(job.needsAmlToken());
  EXPECT_EQ(job.studioEndpoint, "");  // the example's service is named "string", not "Studio"
  EXPECT_FALSE(job.startTime);
  EXPECT_FALSE(job.errorMessage);
}

TEST(OfficialExamples, GetPipelineJobClonesIntoACreateBody) {
  const std::string get = readExample("Jobs_Get-PipelineJob-get.json");
  const std::string create = readExample("Jobs_CreateOrUpdate-PipelineJob-createOrUpdate.json");
  CloneRequest request;
  request.templateName = "string";
  request.displayName = "string";
  request.parameters = {
      Parameter{"string", Direction::Input, DataType::String, common::SecretString("string"), false}};
  const std::string body = test::plain(
      TemplateCloner(workspaceOf(get)).buildRequestBody(at(get, {"responses", "200", "body"}), request));
  // Everything the official create example sends that the contract copies is sent identically.
  for (const char* field :
       {"description", "displayName", "experimentName", "computeId", "jobType", "settings", "outputs"})
    EXPECT_EQ(common::jsontext::compact(at(body, {"properties", field})),
              common::jsontext::compact(at(create, {"parameters", "body", "properties", field})))
        << field;
  EXPECT_EQ(at(body, {"properties", "inputs", "string"}), R"({"jobInputType":"literal","value":"string"})");
  EXPECT_EQ(at(body, {"properties", "tags", "string"}), "\"string\"");
  EXPECT_FALSE(test::has(body, {"properties", "status"}));
  EXPECT_FALSE(test::has(body, {"properties", "services"}));
  EXPECT_FALSE(test::has(body, {"systemData"}));
  EXPECT_FALSE(test::has(body, {"id"}));
}

TEST(OfficialExamples, CreateOrUpdateRequestIsAUsableTemplateAndItsRepliesDecode) {
  const std::string example = readExample("Jobs_CreateOrUpdate-PipelineJob-createOrUpdate.json");
  CloneRequest request;
  request.templateName = "string";
  request.displayName = "Polysync run";
  request.idempotencyKey = "k";
  const std::string body = test::plain(
      TemplateCloner(workspaceOf(example)).buildRequestBody(at(example, {"parameters", "body"}), request));
  EXPECT_EQ(at(body, {"properties", "settings"}), "{}");
  EXPECT_EQ(common::jsontext::compact(at(body, {"properties", "inputs"})),
            common::jsontext::compact(at(example, {"parameters", "body", "properties", "inputs"})));
  for (const char* code : {"200", "201"}) {
    const Job job = JobDecoder::decode(at(example, {"responses", code, "body"}));
    EXPECT_EQ(StatusDecoder::decode(job.status), RunState::Starting) << code;
    EXPECT_EQ(job.name, "string");
  }
  // The example's name parameter becomes the PUT URL.
  const std::string id = common::JsonView::parse(at(example, {"parameters", "id"}), "id").text();
  EXPECT_TRUE(JobName::isValidNewName(id));
  EXPECT_EQ(WorkspaceUrls("https://management.azure.com", workspaceOf(example)).jobUrl(id),
            "https://management.azure.com/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/"
            "test-rg/"
            "providers/Microsoft.MachineLearningServices/workspaces/my-aml-workspace/jobs/"
            "string?api-version=2024-10-01");
}

TEST(OfficialExamples, ListPageStreamsJobsAndFollowsNextLink) {
  const std::string example = readExample("Jobs_List-PipelineJob-list.json");
  std::vector<Job> jobs;
  const auto next = JobListPage::forEachJob(at(example, {"responses", "200", "body"}),
                                            [&](const Job& j) { jobs.push_back(j); });
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(*next, "string");
  EXPECT_TRUE(DiscoveryFilter().accepts(jobs[0]));
  EXPECT_FALSE(DiscoveryFilter("polysync-import").accepts(jobs[0]));
  EXPECT_TRUE(DiscoveryFilter("string").accepts(jobs[0]));
  const core::ImportedJob imported = ImportedJobSchema::from(jobs[0]);
  EXPECT_EQ(imported.externalId, "string");
  // The example names its input and its output both "string": one Input&Output parameter.
  ASSERT_EQ(imported.parameters.size(), 1u);
  EXPECT_EQ(imported.parameters[0].direction, Direction::InputOutput);
}

TEST(OfficialExamples, ListUrlUsesJobTypeAndTagQueryParameters) {
  const std::string example = readExample("Jobs_List-PipelineJob-list.json");
  const WorkspaceUrls urls("https://management.azure.com", workspaceOf(example));
  const std::string tag = common::JsonView::parse(at(example, {"parameters", "tag"}), "t").text();
  EXPECT_EQ(
      urls.jobsListUrl(tag),
      "https://management.azure.com/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/"
      "test-rg/"
      "providers/Microsoft.MachineLearningServices/workspaces/my-aml-workspace/jobs?api-version=2024-10-01"
      "&jobType=Pipeline&tag=string");
}

TEST(OfficialExamples, CancelAcceptsBothRepliesAndTheUrlIsBuilt) {
  const std::string example = readExample("Jobs_Cancel-cancel.json");
  EXPECT_TRUE(test::has(example, {"responses", "200"}));
  EXPECT_TRUE(test::has(example, {"responses", "202"}));
  // Neither reply has a body: the status comes from the next poll.
  EXPECT_FALSE(test::has(example, {"responses", "200", "body"}));
  EXPECT_FALSE(test::has(example, {"responses", "202", "body"}));
  const std::string id = common::JsonView::parse(at(example, {"parameters", "id"}), "id").text();
  EXPECT_EQ(WorkspaceUrls("https://management.azure.com", workspaceOf(example), "2024-10-01").cancelUrl(id),
            "https://management.azure.com/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/"
            "test-rg/"
            "providers/Microsoft.MachineLearningServices/workspaces/my-aml-workspace/jobs/string/"
            "cancel?api-version=2024-10-01");
}

TEST(OfficialExamples, DeleteExampleIdIsNotAJobNameAndIsRefused) {
  // The delete example (unused by the job type) puts a URL in `id`: such a value must never reach a path.
  const std::string example = readExample("Jobs_Delete-delete.json");
  const std::string id = common::JsonView::parse(at(example, {"parameters", "id"}), "id").text();
  EXPECT_FALSE(JobName::isValidNewName(id));
  EXPECT_EQ(test::errorOf([&] {
              WorkspaceUrls("https://management.azure.com", workspaceOf(example)).jobUrl(id);
            }).code(),
            errc::InvalidJobName);
}

TEST(OfficialExamples, MonitorUrlForTheExampleWorkspace) {
  const std::string example = readExample("Jobs_Get-PipelineJob-get.json");
  EXPECT_EQ(MonitorUrl::build("", "ml.azure.com", workspaceOf(example), "string"),
            "https://ml.azure.com/runs/string?wsid=/subscriptions/00000000-1111-2222-3333-444444444444/"
            "resourcegroups/test-rg/workspaces/my-aml-workspace");
}

}  // namespace
}  // namespace aifoundry::azureml
