// The Entra ID token endpoint: client secret sign-in and its AADSTS errors.
#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

const char* kClient = "aaaaaaaa-0000-4000-8000-000000000001";  // from the demo seed
const char* kSecret = "demo-client-secret";

class TokenEndpointTest : public EmulatorTest {
 protected:
  HttpResult requestToken(const std::string& form, const std::string& tenant = "") {
    const std::string t = tenant.empty() ? emulator->options().tenant : tenant;
    return send(*emulator, "POST", "/" + t + "/oauth2/v2.0/token", form, {},
                "application/x-www-form-urlencoded");
  }
  static std::string secretForm(const std::string& secret,
                                const std::string& scope = "https%3A%2F%2Fmanagement.azure.com%2F.default") {
    return std::string("grant_type=client_credentials&client_id=") + kClient + "&client_secret=" + secret +
           "&scope=" + scope;
  }
};

TEST_F(TokenEndpointTest, ClientSecretGetsABearerTokenLikeEntra) {
  auto result = requestToken(secretForm(kSecret));
  ASSERT_EQ(result.status, 200) << result.body;
  auto body = result.json();
  EXPECT_EQ(body->getValue<std::string>("token_type"), "Bearer");
  EXPECT_EQ(body->getValue<int>("expires_in"), 3600);
  EXPECT_TRUE(body->has("ext_expires_in"));
  const std::string token = body->getValue<std::string>("access_token");
  EXPECT_EQ(std::count(token.begin(), token.end(), '.'), 2) << "a JWT";
  EXPECT_EQ(emulator->tokensIssued(kClient), 1u);
  // The token opens ARM.
  auto job =
      send(*emulator, "GET", jobUrl("train-pipeline-template"), "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(job.status, 200) << job.body;
}

TEST_F(TokenEndpointTest, WrongSecretIsAadsts7000215With401) {
  auto result = requestToken(secretForm("not-the-secret"));
  EXPECT_EQ(result.status, 401);
  auto body = result.json();
  EXPECT_EQ(body->getValue<std::string>("error"), "invalid_client");
  EXPECT_EQ(body->getValue<std::string>("error_description").rfind("AADSTS7000215:", 0), 0u);
  EXPECT_EQ(body->getArray("error_codes")->getElement<int>(0), 7000215);
  for (const char* field : {"trace_id", "correlation_id", "timestamp"})
    EXPECT_TRUE(body->has(field)) << field;
  EXPECT_EQ(result.body.find("not-the-secret"), std::string::npos) << "never echo the secret";
  EXPECT_EQ(emulator->tokensIssued(kClient), 0u);
}

TEST_F(TokenEndpointTest, UnknownClientIsAadsts700016) {
  auto result = requestToken(
      "grant_type=client_credentials&client_id=nobody&client_secret=x&scope=https%3A%2F%2Fmanagement.azure."
      "com%2F.default");
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.json()->getValue<std::string>("error"), "unauthorized_client");
  EXPECT_NE(result.body.find("AADSTS700016"), std::string::npos);
}

TEST_F(TokenEndpointTest, ScopeMustEndInDotDefault) {
  auto result = requestToken(secretForm(kSecret, "https%3A%2F%2Fmanagement.azure.com%2Fuser_impersonation"));
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.json()->getValue<std::string>("error"), "invalid_scope");
  EXPECT_NE(result.body.find("AADSTS1002012"), std::string::npos);
}

TEST_F(TokenEndpointTest, UnknownResourceIsAadsts500011) {
  auto result = requestToken(secretForm(kSecret, "https%3A%2F%2Fvault.azure.net%2F.default"));
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.json()->getValue<std::string>("error"), "invalid_resource");
}

TEST_F(TokenEndpointTest, MissingParametersAreAadsts900144) {
  for (const std::string& form : {std::string("client_id=x&scope=a%2F.default"),
                                  std::string("grant_type=client_credentials&scope=a%2F.default"),
                                  std::string("grant_type=client_credentials&client_id=x")}) {
    auto result = requestToken(form);
    EXPECT_EQ(result.status, 400) << form;
    EXPECT_NE(result.body.find("AADSTS900144"), std::string::npos) << form;
  }
}

TEST_F(TokenEndpointTest, NeitherSecretNorAssertionIsAadsts7000218) {
  auto result = requestToken(std::string("grant_type=client_credentials&client_id=") + kClient +
                             "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
  EXPECT_EQ(result.status, 401);
  EXPECT_NE(result.body.find("AADSTS7000218"), std::string::npos);
}

TEST_F(TokenEndpointTest, OtherGrantTypesAreUnsupported) {
  auto result = requestToken("grant_type=password&client_id=x&scope=a%2F.default");
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.json()->getValue<std::string>("error"), "unsupported_grant_type");
}

TEST_F(TokenEndpointTest, UnknownTenantIsAadsts90002) {
  auto result = requestToken(secretForm(kSecret), "99999999-9999-9999-9999-999999999999");
  EXPECT_EQ(result.status, 400);
  EXPECT_NE(result.body.find("AADSTS90002"), std::string::npos);
}

TEST_F(TokenEndpointTest, JournalMasksTheSecret) {
  requestToken(secretForm(kSecret));
  auto entries = emulator->journal().entries("token");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].body.find(kSecret), std::string::npos);
  EXPECT_NE(entries[0].body.find("client_secret=***"), std::string::npos);
  EXPECT_EQ(entries[0].status, 200);
  EXPECT_EQ(entries[0].principal, kClient);
}

TEST_F(TokenEndpointTest, TokenLifetimeFollowsTheOption) {
  emulator.reset();
  EmulatorOptions options = makeOptions();
  options.tokenLifetimeSeconds = 120;
  emulator = std::make_unique<Emulator>(options);
  emulator->start();
  auto result = requestToken(secretForm(kSecret));
  EXPECT_EQ(result.json()->getValue<int>("expires_in"), 120);
}

TEST_F(TokenEndpointTest, RegisteredClientsSignIn) {
  emulator->registerClientSecret(emulator->options().tenant, "my-app", "s3cret");
  auto result = requestToken(
      "grant_type=client_credentials&client_id=my-app&client_secret=s3cret&scope="
      "https%3A%2F%2Fml.azure.com%2F.default");
  EXPECT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(emulator->tokensIssued("my-app"), 1u);
}

}  // namespace
}  // namespace azureml_emulator::testing
