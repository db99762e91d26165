// The core types the job-type layers build on: SecretString, ErrorCode, ManualCallContext and the pipeline
// job's published names.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <thread>

#include "core/ErrorCode.h"
#include "core/ManualCallContext.h"
#include "core/JobTypeError.h"
#include "core/PipelineJobTypeInfo.h"
#include "core/PipelineSettingNames.h"
#include "core/SecretString.h"

namespace {

namespace core = aifoundry::core;

TEST(SecretString, MovingLeavesTheSourceEmpty) {
  core::SecretString secret("short");
  core::SecretString moved(std::move(secret));
  EXPECT_EQ(moved.view(), "short");
  EXPECT_TRUE(secret.empty());  // NOLINT(bugprone-use-after-move): wiped by design
  core::SecretString longer(std::string(100, 'x'));
  core::SecretString assigned;
  assigned = std::move(longer);
  EXPECT_EQ(assigned.size(), 100u);
  EXPECT_TRUE(longer.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(SecretString, ClearWipesAndEmpties) {
  core::SecretString secret("p@ss");
  secret.clear();
  EXPECT_TRUE(secret.empty());
  EXPECT_STREQ(secret.c_str(), "");
}

TEST(ErrorCode, UnknownNumbersFromANewerPeerBecomeInternal) {
  EXPECT_EQ(core::errorCodeFromNumber(150), core::ErrorCode::Internal);
  EXPECT_EQ(core::errorCodeFromNumber(2), core::ErrorCode::Unavailable);
  EXPECT_TRUE(core::isRetryable(core::ErrorCode::RateLimited));
  EXPECT_FALSE(core::isRetryable(core::ErrorCode::NotFound));
  EXPECT_STREQ(core::errorCodeName(core::ErrorCode::InvalidSettings), "InvalidSettings");
}

TEST(ManualCallContext, AnInterruptRunsTheHandlerAndStopsTheCall) {
  core::ManualCallContext ctx;
  bool ran = false;
  {
    core::ScopedInterruptHandler handler(ctx, [&] { ran = true; });
    std::thread([&] { ctx.interrupt(); }).join();
  }
  EXPECT_TRUE(ran);
  EXPECT_TRUE(ctx.interrupted());
  try {
    ctx.throwIfStopped();
    FAIL() << "expected Interrupted";
  } catch (const core::JobTypeError& error) {
    EXPECT_EQ(error.code(), core::ErrorCode::Interrupted);
  }
}

TEST(ManualCallContext, ATimeoutBecomesADeadline) {
  core::ManualCallContext none;
  EXPECT_EQ(none.remainingMs(), core::CallContext::kNoDeadline);
  EXPECT_FALSE(none.deadline().has_value());
  core::ManualCallContext timed(std::chrono::milliseconds(-1));
  EXPECT_LE(timed.remainingMs(), 0);
  EXPECT_THROW(timed.throwIfStopped(), core::JobTypeError);
}

TEST(PipelineJobTypeInfo, EverySettingNameIsInTheSettingsSchema) {
  const core::JobTypeInfo info = core::pipelineJobTypeInfo({});
  Poco::JSON::Parser parser;
  const auto properties =
      parser.parse(info.settingsSchemaJson).extract<Poco::JSON::Object::Ptr>()->getObject("properties");
  namespace n = core::pipeline;
  for (std::string_view name :
       {n::kSubscriptionId, n::kResourceGroupName, n::kWorkspaceName, n::kAuthenticationMethod, n::kTenantId,
        n::kClientId, n::kClientSecret, n::kCertificate, n::kCertificatePassword, n::kThumbprint,
        n::kFederatedTokenFile, n::kAzureCloud, n::kResourceManagerEndpoint, n::kAuthorityHost, n::kAzureMlAudience,
        n::kStudioHost, n::kManagedIdentityEndpoint, n::kApiVersion, n::kCaBundlePath, n::kAllowPlainHttpToLoopback,
        n::kRequestTimeoutSeconds, n::kDiscoveryTag, n::kAdditionalTokenHosts, n::kStatusSource}) {
    EXPECT_TRUE(properties->has(std::string(name))) << name;
  }
  EXPECT_EQ(info.id, n::kJobTypeId);
  EXPECT_EQ(info.displayName, n::kJobTypeDisplayName);
}

}  // namespace
