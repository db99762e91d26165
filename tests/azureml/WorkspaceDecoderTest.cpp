#include <gtest/gtest.h>

#include "TestJson.h"
#include "azureml/WorkspaceDecoder.h"

namespace aifoundry::azureml {
namespace {

TEST(WorkspaceDecoder, ReadsDiscoveryUrlAndTenant) {
  const WorkspaceInfo ws = WorkspaceDecoder::decode(R"({
    "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w",
    "name": "w", "location": "eastus", "type": "Microsoft.MachineLearningServices/workspaces",
    "identity": {"type": "SystemAssigned", "tenantId": "not-this-one"},
    "properties": {"friendlyName": "My WS", "discoveryUrl": "https://eastus.api.azureml.ms/discovery",
                   "tenantId": "72f988bf-0000-0000-0000-000000000000", "workspaceId": "guid"}})");
  EXPECT_EQ(ws.name, "w");
  EXPECT_EQ(ws.location, "eastus");
  EXPECT_EQ(ws.discoveryUrl, "https://eastus.api.azureml.ms/discovery");
  EXPECT_EQ(ws.tenantId, "72f988bf-0000-0000-0000-000000000000");
  EXPECT_EQ(ws.workspaceId, "guid");
  EXPECT_EQ(ws.friendlyName, "My WS");
  EXPECT_EQ(WorkspaceDecoder::decode(R"({"name":"w"})").discoveryUrl, "");
}

// The discovery reply recorded from real Azure: Azure's SDK v2 reads Run History from `api`, not `history`.
constexpr const char* kRecordedDiscovery =
    R"({"api":"https://eastus2euap.api.azureml.ms","catalog":"https://catalog.cortanaanalytics.com",)"
    R"("experimentation":"https://eastus2euap.experiments.azureml.net",)"
    R"("gallery":"https://gallery.cortanaintelligence.com/project","history":"https://eastus2euap.experiments.azureml.net",)"
    R"("hyperdrive":"https://eastus2euap.experiments.azureml.net","labeling":"https://eastus2euap.experiments.azureml.net",)"
    R"("modelmanagement":"https://eastus2euap.modelmanagement.azureml.net","pipelines":"https://eastus2euap.aether.ms",)"
    R"("studio":"https://ml.azure.com"})";

TEST(WorkspaceDecoder, RunHistoryIsReadFromTheDiscoveryDocumentsApiHost) {
  EXPECT_EQ(WorkspaceDecoder::runHistoryHost(kRecordedDiscovery), "https://eastus2euap.api.azureml.ms");
  EXPECT_EQ(WorkspaceDecoder::runHistoryHost(R"({"api":"https://eastus.api.azureml.ms/","history":"x"})"),
            "https://eastus.api.azureml.ms");
}

TEST(WorkspaceDecoder, RunHistoryFallsBackToTheHistoryHostOnlyWithoutAnApiHost) {
  EXPECT_EQ(WorkspaceDecoder::runHistoryHost(
                R"({"history":"https://eastus.experiments.azureml.net/","catalog":"x"})"),
            "https://eastus.experiments.azureml.net");
  EXPECT_EQ(
      WorkspaceDecoder::runHistoryHost(R"({"api":" ","history":"https://eastus.experiments.azureml.net"})"),
      "https://eastus.experiments.azureml.net");
  EXPECT_EQ(test::errorOf([] { WorkspaceDecoder::runHistoryHost(R"({"catalog":"x"})"); }).code(),
            errc::InvalidJson);
  EXPECT_EQ(test::errorOf([] { WorkspaceDecoder::runHistoryHost("<html>"); }).code(), errc::InvalidJson);
}

}  // namespace
}  // namespace aifoundry::azureml
