// The cloud table: the three clouds' endpoints, and each endpoint overridable one by one.
#include <gtest/gtest.h>

#include "common/CodedError.h"
#include "identity/CloudEndpoints.h"

namespace aifoundry::identity {
namespace {

template <typename Fn>
common::CodedError errorOf(Fn&& fn) {
  try {
    fn();
  } catch (const common::CodedError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a CodedError";
  return common::CodedError("none", "none");
}

TEST(CloudEndpoints, KnowsTheThreeClouds) {
  const CloudEndpoints pub = CloudEndpoints::forCloud("");
  EXPECT_EQ(pub.cloudName, "AzurePublicCloud");
  EXPECT_EQ(pub.authorityHost, "https://login.microsoftonline.com");
  EXPECT_EQ(pub.armEndpoint, "https://management.azure.com");
  EXPECT_EQ(pub.armScope(), "https://management.azure.com/.default");
  EXPECT_EQ(pub.mlScope(), "https://ml.azure.com/.default");
  EXPECT_EQ(pub.studioHost, "ml.azure.com");
  const CloudEndpoints gov = CloudEndpoints::forCloud("azureusgovernment");
  EXPECT_EQ(gov.authorityHost, "https://login.microsoftonline.us");
  EXPECT_EQ(gov.armEndpoint, "https://management.usgovcloudapi.net");
  EXPECT_EQ(gov.mlAudience, "https://ml.azure.us");
  EXPECT_EQ(gov.studioHost, "ml.azure.us");
  const CloudEndpoints cn = CloudEndpoints::forCloud("AzureChinaCloud");
  EXPECT_EQ(cn.authorityHost, "https://login.chinacloudapi.cn");
  EXPECT_EQ(cn.armScope(), "https://management.chinacloudapi.cn/.default");
  EXPECT_EQ(cn.mlAudience, "https://ml.azure.cn");
  EXPECT_EQ(cn.studioHost, "studio.ml.azure.cn");
  const auto e = errorOf([] { CloudEndpoints::forCloud("Mars"); });
  EXPECT_EQ(e.code(), common::errc::InvalidSetting);
  EXPECT_NE(std::string(e.what()).find("'Azure Cloud'"), std::string::npos);
}

TEST(CloudEndpoints, EachEndpointCanBeOverridden) {
  CloudEndpoints::Overrides o;
  o.armEndpoint = "https://127.0.0.1:8443/";
  o.authorityHost = "https://127.0.0.1:8444";
  o.studioHost = "  ";
  const CloudEndpoints c = CloudEndpoints::forCloud("AzurePublicCloud").withOverrides(o);
  EXPECT_EQ(c.armEndpoint, "https://127.0.0.1:8443");
  EXPECT_EQ(c.authorityHost, "https://127.0.0.1:8444");
  EXPECT_EQ(c.armScope(), "https://management.azure.com/.default");
  EXPECT_EQ(c.studioHost, "ml.azure.com");
}

}  // namespace
}  // namespace aifoundry::identity
