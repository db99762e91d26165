// The pipeline job's published contract: every setting name the code reads is in the settings schema.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline_job/PipelineJobTypeInfo.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace {

TEST(PipelineJobTypeInfo, EverySettingNameIsInTheSettingsSchema) {
  const aifoundry::core::JobTypeInfo info = aifoundry::pipeline_job::pipelineJobTypeInfo({});
  Poco::JSON::Parser parser;
  const auto properties =
      parser.parse(info.settingsSchemaJson).extract<Poco::JSON::Object::Ptr>()->getObject("properties");
  namespace n = aifoundry::common::settings;
  for (std::string_view name : {n::kSubscriptionId,
                                n::kResourceGroupName,
                                n::kWorkspaceName,
                                n::kAuthenticationMethod,
                                n::kTenantId,
                                n::kClientId,
                                n::kClientSecret,
                                n::kCertificate,
                                n::kCertificatePassword,
                                n::kThumbprint,
                                n::kFederatedTokenFile,
                                n::kAzureCloud,
                                n::kResourceManagerEndpoint,
                                n::kAuthorityHost,
                                n::kAzureMlAudience,
                                n::kStudioHost,
                                n::kManagedIdentityEndpoint,
                                n::kApiVersion,
                                n::kCaBundlePath,
                                n::kAllowPlainHttpToLoopback,
                                n::kRequestTimeoutSeconds,
                                n::kDiscoveryTag,
                                n::kAdditionalTokenHosts,
                                n::kStatusSource}) {
    EXPECT_TRUE(properties->has(std::string(name))) << name;
  }
  EXPECT_EQ(info.id, aifoundry::pipeline_job::names::kJobTypeId);
  EXPECT_EQ(info.displayName, aifoundry::pipeline_job::names::kJobTypeDisplayName);
}

// Users and Polysync's platform definitions write these names and values by hand: they are the product's
// contract, word for word, so they are spelled out here rather than taken from the code under test. (The
// settings schema's names are pinned the same way through the loaded plugin, in tests/abi.)
TEST(PipelineJobTypeInfo, TheSettingValuesAreTheContractsWordForWordAndEverySchemaNameIsKnown) {
  const aifoundry::core::JobTypeInfo info = aifoundry::pipeline_job::pipelineJobTypeInfo({});
  Poco::JSON::Parser parser;
  const auto properties =
      parser.parse(info.settingsSchemaJson).extract<Poco::JSON::Object::Ptr>()->getObject("properties");
  const auto& known = aifoundry::pipeline_job::names::kConnectionSettingNames;
  for (const auto& [name, schema] : *properties) {
    (void)schema;
    EXPECT_NE(std::find(std::begin(known), std::end(known), std::string_view(name)), std::end(known))
        << name << " is published but the job type does not know it";
  }
  namespace n = aifoundry::common::settings;
  EXPECT_STREQ(n::kComputeNameAttribute, "AI Foundry Compute Name");
  const std::string methods[] = {n::kPolysyncServicePrincipal, n::kServicePrincipal, n::kCertificateMethod,
                                 n::kManagedIdentity,          n::kWorkloadIdentity, n::kEnvironment};
  EXPECT_EQ(std::vector<std::string>(std::begin(methods), std::end(methods)),
            (std::vector<std::string>{"Polysync Service Principal", "Service Principal", "Certificate",
                                      "Managed Identity", "Workload Identity", "Environment"}));
  EXPECT_EQ((std::vector<std::string>{n::kCloudPublic, n::kCloudUsGovernment, n::kCloudChina}),
            (std::vector<std::string>{"AzurePublicCloud", "AzureUSGovernment", "AzureChinaCloud"}));
}

}  // namespace
