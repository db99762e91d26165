#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "TestJson.h"
#include "azureml/ComputeId.h"
#include "azureml/JobName.h"
#include "azureml/MonitorUrl.h"
#include "azureml/WorkspaceUrls.h"
#include "common/PercentEncoding.h"

namespace aifoundry::azureml {
namespace {

const WorkspaceRef kWs =
    WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "test-rg", "my-aml-workspace");
const std::string kArmId =
    "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/test-rg/providers/"
    "Microsoft.MachineLearningServices/workspaces/my-aml-workspace";

TEST(WorkspaceUrls, BuildsTheJobUrls) {
  const WorkspaceUrls urls("https://management.azure.com/", kWs);
  EXPECT_EQ(urls.workspaceUrl(), "https://management.azure.com" + kArmId + "?api-version=2024-10-01");
  EXPECT_EQ(urls.jobsListUrl(),
            "https://management.azure.com" + kArmId + "/jobs?api-version=2024-10-01&jobType=Pipeline");
  EXPECT_EQ(urls.jobsListUrl("polysync import"),
            "https://management.azure.com" + kArmId +
                "/jobs?api-version=2024-10-01&jobType=Pipeline&tag=polysync%20import");
  EXPECT_EQ(urls.jobUrl("train_tpl"),
            "https://management.azure.com" + kArmId + "/jobs/train_tpl?api-version=2024-10-01");
  EXPECT_EQ(urls.cancelUrl("run-1"),
            "https://management.azure.com" + kArmId + "/jobs/run-1/cancel?api-version=2024-10-01");
}

TEST(WorkspaceUrls, PercentEncodesPathSegmentsAndQueryValues) {
  const WorkspaceUrls urls(
      "https://127.0.0.1:8443",
      WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "rg(prod).x", "ws-1"),
      "2024-10-01-preview");
  EXPECT_EQ(urls.jobUrl("a-b_c"),
            "https://127.0.0.1:8443/subscriptions/00000000-1111-2222-3333-444444444444/"
            "resourceGroups/rg%28prod%29.x/providers/Microsoft.MachineLearningServices/"
            "workspaces/ws-1/jobs/a-b_c?api-version=2024-10-01-preview");
  // A job name is never encoded into shape: one that is not an Azure job name is refused instead.
  EXPECT_EQ(test::errorOf([&] { urls.jobUrl("a b?c&d#e%"); }).code(), errc::InvalidJobName);
  EXPECT_EQ(common::percentEncode("caf\xC3\xA9/"), "caf%C3%A9%2F");
}

TEST(WorkspaceUrls, RefusesJobNamesThatWouldBreakTheUrl) {
  const WorkspaceUrls urls("https://management.azure.com", kWs);
  EXPECT_EQ(test::errorOf([&] { urls.jobUrl("../other"); }).code(), errc::InvalidJobName);
  EXPECT_EQ(test::errorOf([&] { urls.jobUrl(""); }).code(), errc::InvalidJobName);
  EXPECT_EQ(test::errorOf([&] { urls.cancelUrl("a\nb"); }).code(), errc::InvalidJobName);
  // Dot segments and anything else outside Azure's job-name rule, for every URL a name goes into.
  const std::vector<std::string> names{
      ".", "..", "a/b", "a\\b", "%2e%2e", "a.b", "-a", " a", std::string(256, 'a')};
  for (const std::string& name : names) {
    EXPECT_EQ(test::errorOf([&] { urls.jobUrl(name); }).code(), errc::InvalidJobName) << name;
    EXPECT_EQ(test::errorOf([&] { urls.cancelUrl(name); }).code(), errc::InvalidJobName) << name;
    EXPECT_EQ(test::errorOf([&] {
                urls.runHistoryRunUrl(HistoryHost("https://eastus.api.azureml.ms"), name);
              }).code(),
              errc::InvalidJobName)
        << name;
    EXPECT_FALSE(JobName::whyInvalid(name).empty()) << name;
  }
  EXPECT_EQ(JobName::whyInvalid("train_tpl-2"), "");
}

TEST(WorkspaceUrls, BuildsRunHistoryUrls) {
  const WorkspaceUrls urls("https://management.azure.com", kWs);
  EXPECT_EQ(urls.runHistoryRunUrl(HistoryHost("https://eastus.api.azureml.ms/"), "run_1"),
            "https://eastus.api.azureml.ms/history/v1.0" + kArmId + "/runs/run_1");
  EXPECT_EQ(urls.runHistoryChildrenUrl(HistoryHost("https://eastus.api.azureml.ms"), "run_1", "a+b/c"),
            "https://eastus.api.azureml.ms/history/v1.0" + kArmId +
                "/runs/run_1/children?$continuationtoken=a%2Bb%2Fc");
}

// Found by fuzz_workspace: the history host comes from a remote discovery document, and a DEL byte (a
// control character like the ones below 0x20) reached the request URL.
TEST(WorkspaceUrls, RefusesAHistoryHostWithAControlByte) {
  for (const std::string host : {"https://h\x7f.example", "https://h\x01.example", "https://h x.example"})
    EXPECT_EQ(test::errorOf([&] { HistoryHost{host}; }).code(), errc::InvalidSetting) << host;
  // It names where the host came from, not a setting the user could change, and stays one line.
  const std::string message = test::errorOf([] { HistoryHost{"https://h\r\nx.example"}; }).what();
  EXPECT_NE(message.find("discovery document"), std::string::npos) << message;
  EXPECT_EQ(message.find("Setting"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(WorkspaceUrls, InvalidSettingsAreNamed) {
  const auto message = [](auto fn) { return std::string(test::errorOf(fn).what()); };
  EXPECT_NE(message([] { WorkspaceRef::validated("not-a-guid", "rg", "ws1"); }).find("'Subscription Id'"),
            std::string::npos);
  EXPECT_NE(message([] {
              WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "rg/x", "ws1");
            }).find("'Resource Group Name'"),
            std::string::npos);
  EXPECT_NE(message([] {
              WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "rg.", "ws1");
            }).find("'Resource Group Name'"),
            std::string::npos);
  EXPECT_NE(message([] {
              WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "rg", "w");
            }).find("'Workspace Name'"),
            std::string::npos);
  EXPECT_NE(message([] {
              WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "rg", "-ws");
            }).find("'Workspace Name'"),
            std::string::npos);
  EXPECT_NE(message([] { WorkspaceUrls("management.azure.com", kWs); }).find("'Resource Manager Endpoint'"),
            std::string::npos);
  EXPECT_NE(message([] { WorkspaceUrls("https://m", kWs, "latest"); }).find("'API Version'"),
            std::string::npos);
  EXPECT_EQ(test::errorOf([] { WorkspaceRef::validated("x", "rg", "ws1"); }).code(), errc::InvalidSetting);
}

TEST(WorkspaceRef, AcceptsAzuresNamesAndTrims) {
  const WorkspaceRef ref =
      WorkspaceRef::validated(" 00000000-1111-2222-3333-44444444444A ", "Rg_(1)-\xC3\xA9", "abc");
  EXPECT_EQ(ref.subscriptionId, "00000000-1111-2222-3333-44444444444A");
  EXPECT_EQ(ref.armId(),
            "/subscriptions/00000000-1111-2222-3333-44444444444A/resourceGroups/Rg_(1)-\xC3\xA9/providers/"
            "Microsoft.MachineLearningServices/workspaces/abc");
  EXPECT_NO_THROW(WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", std::string(90, 'r'),
                                          std::string(33, 'w')));
  EXPECT_ANY_THROW(
      WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", std::string(91, 'r'), "abc"));
  EXPECT_ANY_THROW(
      WorkspaceRef::validated("00000000-1111-2222-3333-444444444444", "rg", std::string(34, 'w')));
}

TEST(MonitorUrl, UsesTheStudioEndpointWhenFilled) {
  EXPECT_EQ(MonitorUrl::build("https://ml.azure.com/runs/r?wsid=/x", "ml.azure.com", kWs, "r"),
            "https://ml.azure.com/runs/r?wsid=/x");
  EXPECT_EQ(MonitorUrl::build("https://ml.azure.com/runs/r?wsid=/x", "ml.azure.com", kWs, "r", "tenant-1"),
            "https://ml.azure.com/runs/r?wsid=/x&tid=tenant-1");
  EXPECT_EQ(
      MonitorUrl::build("https://ml.azure.com/runs/r?wsid=/x&tid=t0", "ml.azure.com", kWs, "r", "tenant-1"),
      "https://ml.azure.com/runs/r?wsid=/x&tid=t0");
}

TEST(MonitorUrl, OtherwiseBuildsTheStudioLinkForTheCloud) {
  // The workspace as Azure writes it into a job's Studio endpoint (recorded), so both planes give one link.
  const std::string wsid =
      "/subscriptions/00000000-1111-2222-3333-444444444444/resourcegroups/test-rg/workspaces/"
      "my-aml-workspace";
  EXPECT_EQ(MonitorUrl::build("", "ml.azure.com", kWs, "run_1"),
            "https://ml.azure.com/runs/run_1?wsid=" + wsid);
  EXPECT_EQ(MonitorUrl::build("", "studio.ml.azure.cn", kWs, "run_1", "t-1"),
            "https://studio.ml.azure.cn/runs/run_1?wsid=" + wsid + "&tid=t-1");
  EXPECT_EQ(MonitorUrl::build("", "http://127.0.0.1:9000/", kWs, "run_1"),
            "http://127.0.0.1:9000/runs/run_1?wsid=" + wsid);
}

TEST(MonitorUrl, ItsBuiltPartsSurroundTheEncodedRunId) {
  const auto parts = MonitorUrl::builtParts(" studio.ml.azure.cn/ ", kWs, "t 1");
  EXPECT_EQ(parts.before, "https://studio.ml.azure.cn/runs/");
  EXPECT_EQ(parts.before + "run%201" + parts.after,
            MonitorUrl::build("", "studio.ml.azure.cn", kWs, "run 1", "t 1"));
  EXPECT_EQ(parts.after.find("tid=t%201"), parts.after.size() - 9);
}

TEST(ComputeId, BareNameBecomesTheWorkspacesComputeId) {
  EXPECT_EQ(ComputeId::resolve("gpu-cluster", kWs), kArmId + "/computes/gpu-cluster");
  EXPECT_EQ(ComputeId::resolve("azureml:gpu-cluster", kWs), kArmId + "/computes/gpu-cluster");
  EXPECT_EQ(ComputeId::resolve(" /subscriptions/s/x/computes/c ", kWs), "/subscriptions/s/x/computes/c");
  EXPECT_EQ(ComputeId::resolve("  ", kWs), "");
  const auto e = test::errorOf([] { ComputeId::resolve("a b", kWs); });
  EXPECT_EQ(e.code(), errc::InvalidSetting);
  EXPECT_NE(std::string(e.what()).find("'AI Foundry Compute Name'"), std::string::npos);
}

}  // namespace
}  // namespace aifoundry::azureml
