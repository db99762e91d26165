// Job discovery: pages through nextLink, keeps pipelines only, leaves out our own runs, filters by tag,
// streams job by job and carries each template's parameter schema.
#include <algorithm>

#include "PipelineJobFixture.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

class DiscoveryTest : public PipelineJobTest {
 protected:
  azureml_emulator::EmulatorOptions makeOptions() override {
    auto options = PipelineJobTest::makeOptions();
    options.listPageSize = 2;  // the demo seed's templates span several pages
    return options;
  }
};

std::vector<std::string> idsOf(const std::vector<core::ImportedJob>& jobs) {
  std::vector<std::string> ids;
  for (const auto& job : jobs) ids.push_back(job.externalId);
  return ids;
}

const core::ParameterSchema* parameter(const core::ImportedJob& job, const std::string& name) {
  for (const auto& p : job.parameters) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

TEST_F(DiscoveryTest, PagesThroughNextLinkUntilItIsAbsent) {
  emulator->workspace().generateJobs(5, kTrainTemplate, "generated-");
  const auto jobs = importJobs();
  const auto ids = idsOf(jobs);
  EXPECT_NE(std::find(ids.begin(), ids.end(), kTrainTemplate), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "generated-000005"), ids.end());
  const auto pages = journal("jobs.list");
  const size_t total = emulator->workspace().jobCount();
  EXPECT_GE(pages.size(), (total + 1) / 2) << "one request per page of two";
  EXPECT_LE(pages.size(), (total + 1) / 2 + 1);
  EXPECT_NE(pages[0].query.find("jobType=Pipeline"), std::string::npos) << pages[0].query;
  EXPECT_EQ(pages[0].query.find("$filter"), std::string::npos);
  EXPECT_EQ(pages[0].query.find("$top"), std::string::npos);
  for (size_t i = 1; i < pages.size(); ++i) EXPECT_NE(pages[i].query, pages[0].query) << "nextLink followed";
  for (const auto& job : jobs) EXPECT_EQ(job.jobType, "AI Foundry Pipeline Job");
}

TEST_F(DiscoveryTest, LeavesOutRunsThisPluginSubmitted) {
  const auto result = run(request(kTrainTemplate));
  const auto ids = idsOf(importJobs());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), result.runId), ids.end()) << "our own run was imported";
  EXPECT_NE(std::find(ids.begin(), ids.end(), kTrainTemplate), ids.end());
}

TEST_F(DiscoveryTest, TagFilterNarrowsToTemplatesCarryingTheTag) {
  const auto ids = idsOf(importJobs("schedule"));
  EXPECT_EQ(ids, std::vector<std::string>{kScoreTemplate});
  const auto pages = journal("jobs.list");
  ASSERT_FALSE(pages.empty());
  EXPECT_NE(pages[0].query.find("tag=schedule"), std::string::npos) << pages[0].query;
}

TEST_F(DiscoveryTest, DiscoveryTagSettingIsTheDefaultFilter) {
  auto tagged = connect({{std::string(common::settings::kDiscoveryTag), "schedule"}});
  EXPECT_EQ(idsOf(importJobs({}, tagged.get())), std::vector<std::string>{kScoreTemplate});
}

TEST_F(DiscoveryTest, EachJobCarriesNameDescriptionAndParameterSchema) {
  const auto jobs = importJobs();
  const auto it =
      std::find_if(jobs.begin(), jobs.end(), [](const auto& j) { return j.externalId == kTrainTemplate; });
  ASSERT_NE(it, jobs.end());
  EXPECT_EQ(it->name, "Train churn classifier");
  EXPECT_NE(it->description.find("churn"), std::string::npos);
  const auto* rate = parameter(*it, "learning_rate");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->direction, core::Direction::Input);
  EXPECT_EQ(rate->defaultValue, std::optional<std::string>("0.01"));
  EXPECT_TRUE(rate->overridable);
  const auto* data = parameter(*it, "training_data");
  ASSERT_NE(data, nullptr);
  EXPECT_FALSE(data->overridable) << "an asset input is listed but not overridable";
  const auto* model = parameter(*it, "model");
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(model->direction, core::Direction::Output);
  EXPECT_NE(parameter(*it, "metrics"), nullptr);
}

TEST_F(DiscoveryTest, StreamsJobByJobAndStopsWhenTheHostSaysSo) {
  emulator->workspace().generateJobs(20, kTrainTemplate, "generated-");
  int seen = 0;
  auto ctx = context();
  instance->importJobs(ctx, core::ImportRequest{}, [&](const core::ImportedJob&) { return ++seen < 3; });
  EXPECT_EQ(seen, 3);
  EXPECT_LE(count("jobs.list"), 2u) << "no page is read after the host stopped";
}

TEST_F(DiscoveryTest, ListFailureIsReportedWithItsCode) {
  azureml_emulator::Fault fault;
  fault.route = "jobs.list";
  fault.status = 403;
  fault.count = -1;
  emulator->faults().add(fault);
  const auto error = expectError([&] { importJobs(); });
  EXPECT_EQ(error.code(), core::ErrorCode::Permission) << error.message();
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
