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

TEST(WorkspaceDecoder, DiscoveryDocumentNamesTheHistoryHost) {
  EXPECT_EQ(WorkspaceDecoder::historyHost(R"({"api":"https://eastus.api.azureml.ms",
    "history":"https://eastus.api.azureml.ms/","catalog":"x"})"),
            "https://eastus.api.azureml.ms");
  EXPECT_EQ(test::errorOf([] { WorkspaceDecoder::historyHost(R"({"api":"x"})"); }).code(), errc::InvalidJson);
  EXPECT_EQ(test::errorOf([] { WorkspaceDecoder::historyHost("<html>"); }).code(), errc::InvalidJson);
}

}  // namespace
}  // namespace aifoundry::azureml
