#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/DiscoveryFilter.h"
#include "azureml/ImportedJobSchema.h"
#include "azureml/JobDecoder.h"
#include "azureml/JobListPage.h"

namespace aifoundry::azureml {
namespace {

using core::DataType;
using core::Direction;

const std::string kPage = R"({
  "value": [
    {"name": "tpl_a", "properties": {"jobType": "Pipeline", "displayName": "Template A", "description": "first",
      "tags": {"polysync-import": ""},
      "inputs": {"lr": {"jobInputType": "literal", "value": "0.1"}, "data": {"jobInputType": "uri_folder", "uri": "azureml://d"}},
      "outputs": {"model": {"jobOutputType": "uri_folder"}}}},
    {"name": "cmd", "properties": {"jobType": "Command"}},
    {"name": "tpl_a_0123456789abcdef0123", "properties": {"jobType": "Pipeline", "tags": {"polysync.template": "tpl_a"}}},
    {"name": "tpl_b", "properties": {"jobType": "pipeline", "displayName": ""}},
    "not an object"
  ],
  "nextLink": "https://management.azure.com/next?$skip=abc"
})";

TEST(JobListPage, DecodesItemsOneAtATimeAndReturnsNextLink) {
  std::vector<std::string> names;
  const auto next = JobListPage::forEachJob(kPage, [&](const Job& j) { names.push_back(j.name); });
  EXPECT_EQ(names, (std::vector<std::string>{"tpl_a", "cmd", "tpl_a_0123456789abcdef0123", "tpl_b"}));
  EXPECT_EQ(*next, "https://management.azure.com/next?$skip=abc");
}

TEST(JobListPage, AbsentNullOrEmptyNextLinkEndsPaging) {
  EXPECT_FALSE(JobListPage::decode(R"({"value":[]})").nextLink);
  EXPECT_FALSE(JobListPage::decode(R"({"value":[],"nextLink":null})").nextLink);
  EXPECT_FALSE(JobListPage::decode(R"({"value":[],"nextLink":""})").nextLink);
}

TEST(JobListPage, PageWithoutValueArrayIsAnError) {
  EXPECT_EQ(test::errorOf([] { JobListPage::decode(R"({"error":{}})"); }).code(), errc::InvalidJson);
  EXPECT_EQ(test::errorOf([] { JobListPage::decode("{"); }).code(), errc::InvalidJson);
}

TEST(DiscoveryFilter, KeepsPipelinesAndDropsOurOwnRuns) {
  const DiscoveryFilter filter;
  std::vector<std::string> kept;
  JobListPage::forEachJob(kPage, [&](const Job& j) {
    if (filter.accepts(j)) kept.push_back(j.name);
  });
  EXPECT_EQ(kept, (std::vector<std::string>{"tpl_a", "tpl_b"}));
}

TEST(DiscoveryFilter, OptionalTagNarrowsDiscovery) {
  const DiscoveryFilter filter("polysync-import");
  std::vector<std::string> kept;
  JobListPage::forEachJob(kPage, [&](const Job& j) {
    if (filter.accepts(j)) kept.push_back(j.name);
  });
  EXPECT_EQ(kept, (std::vector<std::string>{"tpl_a"}));
}

TEST(ImportedJobSchema, JobBecomesAPolysyncJobWithItsParameters) {
  const core::ImportedJob job = ImportedJobSchema::from(JobListPage::decode(kPage).jobs[0]);
  EXPECT_EQ(job.externalId, "tpl_a");
  EXPECT_EQ(job.name, "Template A");
  EXPECT_EQ(job.description, "first");
  EXPECT_EQ(job.jobType, "AI Foundry Pipeline Job");
  ASSERT_EQ(job.parameters.size(), 3u);
  EXPECT_EQ(job.parameters[0].name, "lr");
  EXPECT_EQ(job.parameters[0].direction, Direction::Input);
  EXPECT_EQ(job.parameters[0].dataType, DataType::String);
  EXPECT_EQ(job.parameters[0].defaultValue, "0.1");
  EXPECT_TRUE(job.parameters[0].overridable);
  EXPECT_EQ(job.parameters[1].name, "data");
  EXPECT_FALSE(job.parameters[1].overridable);
  EXPECT_FALSE(job.parameters[1].defaultValue.has_value());  // an asset (uri_folder) has no default
  EXPECT_EQ(job.parameters[2].name, "model");
  EXPECT_EQ(job.parameters[2].direction, Direction::Output);
}

TEST(ImportedJobSchema, NameFallsBackToTheJobName) {
  EXPECT_EQ(ImportedJobSchema::from(JobListPage::decode(kPage).jobs[3]).name, "tpl_b");
}

TEST(ImportedJobSchema, LiteralInputThatIsAlsoAnOutputIsInputAndOutput) {
  const Job job = JobDecoder::decode(
      R"({"name":"t","properties":{"inputs":{"x":{"jobInputType":"literal","value":"1"}},"outputs":{"x":{"jobOutputType":"uri_file"}}}})");
  const core::ImportedJob imported = ImportedJobSchema::from(job);
  ASSERT_EQ(imported.parameters.size(), 1u);
  EXPECT_EQ(imported.parameters[0].direction, Direction::InputOutput);
}

}  // namespace
}  // namespace aifoundry::azureml
