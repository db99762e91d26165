// Discovery through the ABI: pages through nextLink, leaves out the plugin's own runs, filters by tag and
// hands the host each template's parameter schema.
#include <algorithm>

#include "E2eFixture.h"

namespace e2e {
namespace {

class DiscoveryE2eTest : public E2eTest {
 protected:
  azureml_emulator::EmulatorOptions makeOptions() override {
    auto options = E2eTest::makeOptions();
    options.listPageSize = 2;  // the seeded templates and the runs span several pages
    return options;
  }
};

std::vector<std::string> idsOf(const std::vector<host::ImportedJob>& jobs) {
  std::vector<std::string> ids;
  for (const auto& job : jobs) ids.push_back(job.externalId);
  return ids;
}

const host::ParameterSchemaInfo* parameter(const host::ImportedJob& job, const std::string& name) {
  for (const auto& p : job.parameters)
    if (p.name == name) return &p;
  return nullptr;
}

TEST_F(DiscoveryE2eTest, PagesThroughNextLinkAndLeavesOutThePluginsOwnRuns) {
  const std::string ownRun = connection->run(request(kTrain)).runId;
  emulator->workspace().generateJobs(3, kScore, "team-job-");  // someone else's pipelines: imported
  emulator->journal().clear();

  const auto jobs = connection->importJobs("");
  const auto ids = idsOf(jobs);
  EXPECT_EQ(ids, (std::vector<std::string>{kTrain, kScore, kValidate, "team-job-000001", "team-job-000002",
                                           "team-job-000003"}));
  EXPECT_EQ(std::find(ids.begin(), ids.end(), ownRun), ids.end()) << "the plugin's own run was imported";
  for (const auto& job : jobs) EXPECT_EQ(job.jobType, kJobType);

  // Seven jobs in pages of two: four requests, the first with jobType=Pipeline and no invented OData.
  const auto pages = journal("jobs.list");
  ASSERT_EQ(pages.size(), 4u);
  EXPECT_NE(pages[0].query.find("jobType=Pipeline"), std::string::npos) << pages[0].query;
  EXPECT_NE(pages[0].query.find("api-version=2024-10-01"), std::string::npos) << pages[0].query;
  for (const auto& page : pages) {
    EXPECT_EQ(page.query.find("$filter"), std::string::npos) << page.query;
    EXPECT_EQ(page.query.find("$top"), std::string::npos) << page.query;
    EXPECT_EQ(page.method, "GET");
    EXPECT_EQ(page.status, 200);
  }
  for (size_t i = 1; i < pages.size(); ++i)
    EXPECT_NE(pages[i].query, pages[i - 1].query) << "nextLink followed";
}

TEST_F(DiscoveryE2eTest, TagFilterNarrowsToTemplatesCarryingTheTag) {
  EXPECT_EQ(idsOf(connection->importJobs("schedule")), std::vector<std::string>{kScore});
  EXPECT_TRUE(connection->importJobs("no-template-has-this-tag").empty());
  // The Discovery Tag setting is the default filter of a connection.
  auto tagged = connect({{"Discovery Tag", "schedule"}});
  EXPECT_EQ(idsOf(tagged->importJobs("")), std::vector<std::string>{kScore});
}

TEST_F(DiscoveryE2eTest, EachJobCarriesItsDescriptionAndParameterSchema) {
  const auto jobs = connection->importJobs("");
  ASSERT_FALSE(jobs.empty());
  const auto& train = jobs[0];
  ASSERT_EQ(train.externalId, kTrain);
  EXPECT_EQ(train.name, "Train churn classifier");
  EXPECT_EQ(train.description,
            "Prepares the churn dataset, trains a gradient-boosted classifier and evaluates it.");

  std::vector<std::string> names;
  for (const auto& p : train.parameters) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"training_data", "learning_rate", "epochs", "use_gpu", "config",
                                             "model", "metrics"}));
  const auto* rate = parameter(train, "learning_rate");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->direction, PSJ_DIRECTION_INPUT);
  EXPECT_EQ(rate->defaultValue, std::optional<std::string>("0.01"));
  EXPECT_TRUE(rate->overridable);
  EXPECT_EQ(rate->description, "Optimizer learning rate");
  const auto* data = parameter(train, "training_data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->direction, PSJ_DIRECTION_INPUT);
  EXPECT_FALSE(data->overridable) << "an asset input is listed but cannot be set";
  const auto* model = parameter(train, "model");
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(model->direction, PSJ_DIRECTION_OUTPUT);
}

}  // namespace
}  // namespace e2e
