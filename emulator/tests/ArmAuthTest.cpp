// ARM's front door: bearer tokens, x-azureml-token, api-version, scope, roles, throttling, headers.
#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

class ArmAuthTest : public EmulatorTest {
 protected:
  std::string userJob() {
    return R"({"properties":{"jobType":"Pipeline","identity":{"identityType":"UserIdentity"},"jobs":{}}})";
  }
  std::string errorCode(const HttpResult& r) {
    return r.json()->getObject("error")->getValue<std::string>("code");
  }
};

TEST_F(ArmAuthTest, MissingAuthorizationIs401WithAChallenge) {
  auto result = send(*emulator, "GET", jobUrl("train-pipeline-template"));
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(errorCode(result), "AuthenticationFailed");
  EXPECT_NE(result.header("WWW-Authenticate").find("authorization_uri="), std::string::npos);
}

TEST_F(ArmAuthTest, UnknownTokenIsInvalidAuthenticationToken) {
  auto result = send(*emulator, "GET", jobUrl("train-pipeline-template"), "",
                     {{"Authorization", "Bearer abc.def.ghi"}});
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(errorCode(result), "InvalidAuthenticationToken");
}

TEST_F(ArmAuthTest, ExpiredTokenIsExpiredAuthenticationToken) {
  const std::string expired = emulator->mintToken("https://management.azure.com", -10);
  auto result =
      send(*emulator, "GET", jobUrl("train-pipeline-template"), "", {{"Authorization", "Bearer " + expired}});
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(errorCode(result), "ExpiredAuthenticationToken");
}

TEST_F(ArmAuthTest, WrongAudienceIsRefused) {
  auto result = send(*emulator, "GET", jobUrl("train-pipeline-template"), "",
                     {{"Authorization", "Bearer " + mlToken()}});
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(errorCode(result), "InvalidAuthenticationTokenAudience");
}

TEST_F(ArmAuthTest, TrailingSlashAudienceAndOwnUrlAreArm) {
  for (const std::string& audience : {std::string("https://management.azure.com/"), emulator->baseUrl()}) {
    auto result = send(*emulator, "GET", jobUrl("train-pipeline-template"), "",
                       {{"Authorization", "Bearer " + emulator->mintToken(audience)}});
    EXPECT_EQ(result.status, 200) << audience;
  }
}

TEST_F(ArmAuthTest, ApiVersionIsRequired) {
  auto result = send(*emulator, "GET", jobsPath("train-pipeline-template"), "", armHeaders());
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(errorCode(result), "MissingApiVersionParameter");
  auto unsupported = send(*emulator, "GET", jobsPath("train-pipeline-template") + "?api-version=1999-01-01",
                          "", armHeaders());
  EXPECT_EQ(unsupported.status, 400);
  EXPECT_EQ(errorCode(unsupported), "NoRegisteredProviderFound");
}

// Azure accepts a UserIdentity (or null identity) job without x-azureml-token (azure-ai-ml 1.4.0 sends none
// for a null identity); a token that is sent must be a valid Azure ML one.
TEST_F(ArmAuthTest, UserIdentityJobTakesAnXAzuremlTokenWhenSent) {
  Headers wrongAudience = armHeaders();
  wrongAudience["x-azureml-token"] = armToken();
  auto wrong = send(*emulator, "PUT", jobUrl("user-job"), userJob(), wrongAudience);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(errorCode(wrong), "InvalidAuthenticationTokenAudience");
  EXPECT_EQ(putJob("user-job", userJob(), true).status, 201);
  auto without = putJob("user-job-2", userJob(), false);
  EXPECT_EQ(without.status, 201) << without.body;
}

TEST_F(ArmAuthTest, NullIdentityAndManagedNeedNoXAzuremlToken) {
  EXPECT_EQ(putJob("null-identity", R"({"properties":{"jobType":"Pipeline","identity":null}})", false).status,
            201);
  EXPECT_EQ(putJob("managed",
                   R"({"properties":{"jobType":"Pipeline","identity":{"identityType":"Managed"}}})", false)
                .status,
            201);
  EXPECT_EQ(putJob("amltoken",
                   R"({"properties":{"jobType":"Pipeline","identity":{"identityType":"AMLToken"}}})", false)
                .status,
            201);
}

TEST_F(ArmAuthTest, WrongScopeIs404WithArmCodes) {
  const std::string base = "/subscriptions/";
  const auto& o = emulator->options();
  auto path = [&](const std::string& sub, const std::string& rg, const std::string& ws) {
    return base + sub + "/resourceGroups/" + rg + "/providers/Microsoft.MachineLearningServices/workspaces/" +
           ws + "/jobs?api-version=2024-10-01";
  };
  EXPECT_EQ(errorCode(send(*emulator, "GET", path("other", o.resourceGroup, o.workspace), "", armHeaders())),
            "SubscriptionNotFound");
  EXPECT_EQ(errorCode(send(*emulator, "GET", path(o.subscription, "other", o.workspace), "", armHeaders())),
            "ResourceGroupNotFound");
  auto ws = send(*emulator, "GET", path(o.subscription, o.resourceGroup, "other"), "", armHeaders());
  EXPECT_EQ(ws.status, 404);
  EXPECT_EQ(errorCode(ws), "ResourceNotFound");
  // ARM's fixed segments and names are case-insensitive.
  EXPECT_EQ(send(*emulator, "GET", path(o.subscription, "TEST-RG", o.workspace), "", armHeaders()).status,
            200);
}

TEST_F(ArmAuthTest, ReaderMayReadButNotWrite) {
  emulator->registerClientSecret(emulator->options().tenant, "reader-app", "pw", "Reader");
  auto token = send(*emulator, "POST", "/" + emulator->options().tenant + "/oauth2/v2.0/token",
                    "grant_type=client_credentials&client_id=reader-app&client_secret=pw&scope="
                    "https%3A%2F%2Fmanagement.azure.com%2F.default",
                    {}, "application/x-www-form-urlencoded")
                   .json()
                   ->getValue<std::string>("access_token");
  Headers headers{{"Authorization", "Bearer " + token}};
  EXPECT_EQ(send(*emulator, "GET", jobUrl("train-pipeline-template"), "", headers).status, 200);
  auto write = send(*emulator, "POST", jobsPath("train-pipeline-template") + "/cancel?api-version=2024-10-01",
                    "", headers);
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(errorCode(write), "AuthorizationFailed");
}

TEST_F(ArmAuthTest, CorrelationIdIsEchoed) {
  Headers headers = armHeaders();
  headers["x-ms-correlation-request-id"] = "corr-123";
  headers["x-ms-client-request-id"] = "client-456";
  auto result = send(*emulator, "GET", jobUrl("train-pipeline-template"), "", headers);
  EXPECT_EQ(result.header("x-ms-correlation-request-id"), "corr-123");
  EXPECT_EQ(result.header("x-ms-client-request-id"), "client-456");
  EXPECT_EQ(result.header("x-ms-request-id").size(), 36u);
}

TEST_F(ArmAuthTest, WorkspaceResourcePointsDiscoveryHere) {
  auto result =
      send(*emulator, "GET", emulator->workspaceArmId() + "?api-version=2024-10-01", "", armHeaders());
  ASSERT_EQ(result.status, 200) << result.body;
  auto discovery = result.json()->getObject("properties")->getValue<std::string>("discoveryUrl");
  EXPECT_EQ(discovery, emulator->baseUrl() + "/discovery");
  auto document = send(*emulator, "GET", "/discovery");
  ASSERT_EQ(document.status, 200);
  EXPECT_EQ(document.json()->getValue<std::string>("api"), emulator->baseUrl());
  EXPECT_NE(document.json()->getValue<std::string>("history"), emulator->baseUrl())
      << "Azure keeps history apart";
}

class ThrottledArmTest : public EmulatorTest {
 protected:
  EmulatorOptions makeOptions() override {
    auto options = EmulatorTest::makeOptions();
    options.readBucket = 3;
    options.readRefillPerSecond = 0.001;
    return options;
  }
};

TEST_F(ThrottledArmTest, EmptyReadBucketIs429WithRetryAfter) {
  for (int i = 0; i < 3; ++i) {
    auto result = getJob("train-pipeline-template");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.header("x-ms-ratelimit-remaining-subscription-reads"), std::to_string(2 - i));
  }
  auto throttled = getJob("train-pipeline-template");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_FALSE(throttled.header("Retry-After").empty());
  EXPECT_EQ(throttled.json()->getObject("error")->getValue<std::string>("code"), "TooManyRequests");
  // Writes have their own bucket.
  EXPECT_EQ(putJob("still-writable", R"({"properties":{"jobType":"Pipeline","jobs":{}}})").status, 201);
}

class ThrottledWritesTest : public EmulatorTest {
 protected:
  EmulatorOptions makeOptions() override {
    auto options = EmulatorTest::makeOptions();
    options.writeBucket = 2;
    options.writeRefillPerSecond = 0.001;
    return options;
  }
};

TEST_F(ThrottledWritesTest, EmptyWriteBucketIs429WithRetryAfterAndTheWriteIsNotApplied) {
  auto first = putJob("write-1", runBodyFrom("batch-score-template"));
  EXPECT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.header("x-ms-ratelimit-remaining-subscription-writes"), "1");
  auto second =
      send(*emulator, "POST", jobsPath("write-1") + "/cancel?api-version=2024-10-01", "", armHeaders());
  EXPECT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.header("x-ms-ratelimit-remaining-subscription-writes"), "0");

  const size_t jobs = emulator->workspace().jobCount();
  auto throttled = putJob("write-2", runBodyFrom("batch-score-template"));
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.json()->getObject("error")->getValue<std::string>("code"), "TooManyRequests");
  EXPECT_EQ(throttled.header("x-ms-ratelimit-remaining-subscription-writes"), "0");
  const std::string retryAfter = throttled.header("Retry-After");
  ASSERT_FALSE(retryAfter.empty());
  EXPECT_EQ(retryAfter.find_first_not_of("0123456789"), std::string::npos) << "seconds: " << retryAfter;
  EXPECT_GE(std::stoi(retryAfter), 1);
  EXPECT_EQ(emulator->workspace().jobCount(), jobs) << "a throttled PUT creates nothing";
  EXPECT_FALSE(emulator->workspace().status("write-2").has_value());
  auto cancel =
      send(*emulator, "POST", jobsPath("write-1") + "/cancel?api-version=2024-10-01", "", armHeaders());
  EXPECT_EQ(cancel.status, 429) << "cancel is a write too";

  // Reads have their own bucket.
  auto read = getJob("write-1");
  EXPECT_EQ(read.status, 200);
  EXPECT_FALSE(read.header("x-ms-ratelimit-remaining-subscription-reads").empty());
}

}  // namespace
}  // namespace azureml_emulator::testing
