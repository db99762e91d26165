// The pipeline job's published contract: every setting name the code reads is in the settings schema.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string_view>

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

}  // namespace
