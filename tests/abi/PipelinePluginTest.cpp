// The real plugin's published contract: its id, display name and schemas (attribute names exactly as in
// docs/azure-contract.md, secrets marked), and create()'s validation of settings.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "ContractSession.h"

namespace abitest {
namespace {

// A well-formed workspace (the job type checks the shape of each value).
void addWorkspace(KvList& settings) {
  settings.add("Subscription Id", "00000000-0000-0000-0000-000000000001")
      .add("Resource Group Name", "rg-test")
      .add("Workspace Name", "workspace-test");
}

Poco::JSON::Object::Ptr parse(const char* json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

class PipelinePlugin : public ::testing::Test {
 protected:
  ContractSession session{aifoundryCase()};
  const psj_job_type* jt() { return session.jobType(); }

  std::int32_t create(KvList& settings, TestCallContext& ctx) {
    psj_instance* instance = nullptr;
    const std::int32_t rc = jt()->create(jt(), settings.data(), settings.size(), ctx.get(), &instance);
    if (instance != nullptr) jt()->destroy(instance);
    return rc;
  }
};

TEST_F(PipelinePlugin, RegistersTheAIFoundryPipelineJob) {
  ASSERT_TRUE(session.loaded());
  EXPECT_STREQ(jt()->id, "azure.aifoundry.pipeline-job");
  EXPECT_STREQ(jt()->display_name, "AI Foundry Pipeline Job");
}

TEST_F(PipelinePlugin, SettingsSchemaNamesEveryConnectionAttribute) {
  ASSERT_TRUE(session.loaded());
  ASSERT_NE(jt()->settings_schema_json, nullptr);
  const auto properties = parse(jt()->settings_schema_json)->getObject("properties");
  for (const char* name : {"Subscription Id",
                           "Resource Group Name",
                           "Workspace Name",
                           "Authentication Method",
                           "Tenant Id",
                           "Client Id",
                           "Client Secret",
                           "Certificate",
                           "Certificate Password",
                           "Thumbprint",
                           "Federated Token File",
                           "Azure Cloud",
                           "Resource Manager Endpoint",
                           "Authority Host",
                           "Azure ML Audience",
                           "Studio Host",
                           "Managed Identity Endpoint",
                           "API Version",
                           "CA Bundle Path",
                           "Allow Plain HTTP To Loopback",
                           "Request Timeout Seconds",
                           "Discovery Tag"}) {
    EXPECT_TRUE(properties->has(name)) << name;
  }
}

TEST_F(PipelinePlugin, SecretSettingsAreMarkedWriteOnlyAndSecret) {
  ASSERT_TRUE(session.loaded());
  const auto properties = parse(jt()->settings_schema_json)->getObject("properties");
  for (const char* name : {"Client Secret", "Certificate", "Certificate Password"}) {
    const auto property = properties->getObject(name);
    EXPECT_TRUE(property->getValue<bool>("writeOnly")) << name;
    EXPECT_TRUE(property->getValue<bool>("x-polysync-secret")) << name;
  }
  EXPECT_FALSE(properties->getObject("Client Id")->has("x-polysync-secret"));
}

TEST_F(PipelinePlugin, AuthenticationMethodOffersEveryMethodWithTheHostIdentityAsDefault) {
  ASSERT_TRUE(session.loaded());
  const auto method =
      parse(jt()->settings_schema_json)->getObject("properties")->getObject("Authentication Method");
  EXPECT_EQ(method->getValue<std::string>("default"), "Polysync Service Principal");
  const auto values = method->getArray("enum");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < values->size(); ++i)
    names.push_back(values->getElement<std::string>(static_cast<unsigned>(i)));
  EXPECT_EQ(names, (std::vector<std::string>{"Polysync Service Principal", "Service Principal", "Certificate",
                                             "Managed Identity", "Workload Identity", "Environment"}));
}

TEST_F(PipelinePlugin, JobAttributesSchemaHasTheComputeOverride) {
  ASSERT_TRUE(session.loaded());
  ASSERT_NE(jt()->attributes_schema_json, nullptr);
  EXPECT_TRUE(parse(jt()->attributes_schema_json)->getObject("properties")->has("AI Foundry Compute Name"));
  ASSERT_NE(jt()->parameters_schema_json, nullptr);
  EXPECT_NO_THROW(parse(jt()->parameters_schema_json));
}

TEST_F(PipelinePlugin, ServicePrincipalWithoutItsSecretIsInvalidSettingsNamingIt) {
  ASSERT_TRUE(session.loaded());
  KvList settings;
  addWorkspace(settings);
  settings.add("Authentication Method", "Service Principal")
      .add("Tenant Id", "00000000-0000-0000-0000-0000000000aa")
      .add("Client Id", "00000000-0000-0000-0000-0000000000bb");
  TestCallContext ctx;
  EXPECT_EQ(create(settings, ctx), PSJ_E_INVALID_SETTINGS);
  EXPECT_NE(ctx.errorMessage().find("'Client Secret'"), std::string::npos) << ctx.errorMessage();
}

TEST_F(PipelinePlugin, AnUnknownAuthenticationMethodIsInvalidSettings) {
  ASSERT_TRUE(session.loaded());
  KvList settings;
  addWorkspace(settings);
  settings.add("Authentication Method", "Password");
  TestCallContext ctx;
  EXPECT_EQ(create(settings, ctx), PSJ_E_INVALID_SETTINGS);
  EXPECT_NE(ctx.errorMessage().find("Authentication Method"), std::string::npos);
}

TEST_F(PipelinePlugin, TheHostIdentityNeedsOnlyTheWorkspace) {
  ASSERT_TRUE(session.loaded());
  KvList settings;
  addWorkspace(settings);
  TestCallContext ctx;
  EXPECT_EQ(create(settings, ctx), PSJ_OK) << ctx.errorMessage();
}

#if ABI_TEST_PLACEHOLDER_JOB_TYPE
TEST_F(PipelinePlugin, PlaceholderAnswersUnsupportedBeyondCreate) {
  ASSERT_TRUE(session.loaded());
  EXPECT_EQ(jt()->capabilities, 0u);
  TestCallContext ctx;
  TextSink text;
  EXPECT_EQ(jt()->test_connection(session.instance(), ctx.get(), text.get()), PSJ_E_UNSUPPORTED);
  EXPECT_FALSE(ctx.errorMessage().empty());
}
#endif

}  // namespace
}  // namespace abitest
