#include "PluginCases.h"

namespace abitest {

PluginCase aifoundryCase() {
  PluginCase c;
  c.name = "AIFoundryPipeline";
  c.manifest = ABI_TEST_AIFOUNDRY_MANIFEST;
  c.libraryDir = std::filesystem::path(ABI_TEST_PLUGIN_DIR);
  c.secretValue = "s3cr3t-Value-never-shown";
  c.addValidSettings = [secret = c.secretValue](KvList& settings) {
    settings.add("Subscription Id", "00000000-0000-0000-0000-000000000001")
        .add("Resource Group Name", "rg-test")
        .add("Workspace Name", "workspace-test")
        .add("Authentication Method", "Service Principal")
        .add("Tenant Id", "00000000-0000-0000-0000-0000000000aa")
        .add("Client Id", "00000000-0000-0000-0000-0000000000bb")
        .add("Client Secret", secret, PSJ_KV_SECRET)
        // Never real Azure: every endpoint is loopback port 9, where nothing listens.
        .add("Authority Host", "http://127.0.0.1:9")
        .add("Resource Manager Endpoint", "http://127.0.0.1:9")
        .add("Managed Identity Endpoint", "http://127.0.0.1:9")
        .add("Allow Plain HTTP To Loopback", "true")
        .add("Request Timeout Seconds", "2");
  };
  c.callTimeout = std::chrono::milliseconds(2000);
  c.concurrentPollsPerThread = 2;
  c.requiredSetting = "Workspace Name";
  return c;
}

PluginCase echoCase() {
  PluginCase c;
  c.name = "EchoJob";
  c.manifest = std::filesystem::path(ABI_TEST_PLUGIN_DIR) / "polysync-echo.json";
  c.secretValue = "echo-secret-greeting";
  c.addValidSettings = [secret = c.secretValue](KvList& settings) {
    settings.add("Greeting", secret, PSJ_KV_SECRET);
  };
  c.requiredSetting = "Greeting";
  c.runnableExternalId = "echo-text";
  c.blocksOnExternalIdBlock = true;
  return c;
}

// The C++ template (plugin_api/templates/cpp): the header-only C++ layer's boundary under the same checks.
PluginCase helloTemplateCase() {
  PluginCase c;
  c.name = "HelloJobTemplate";
  c.manifest = std::filesystem::path(ABI_TEST_TEMPLATE_PLUGIN_DIR) / "hello-job.json";
  c.secretValue = "hello-secret-greeting";
  c.addValidSettings = [secret = c.secretValue](KvList& settings) {
    settings.add("Greeting", secret, PSJ_KV_SECRET);
  };
  c.requiredSetting = "Greeting";
  c.runnableExternalId = "template";
  return c;
}

// A job type on the same layer that blocks in Call::sleep_for: the layer's deadline and interrupt rules.
PluginCase cppWaitingCase() {
  PluginCase c;
  c.name = "CppLayerWaitingJob";
  c.manifest = std::filesystem::path(ABI_TEST_TEMPLATE_PLUGIN_DIR) / "cpp-waiting.json";
  c.secretValue = "waiting-secret-token";
  c.addValidSettings = [secret = c.secretValue](KvList& settings) {
    settings.add("Token", secret, PSJ_KV_SECRET);
  };
  c.requiredSetting = "Token";
  c.runnableExternalId = "template";
  c.blocksOnExternalIdBlock = true;
  return c;
}

std::vector<PluginCase> pluginCases() {
  return {aifoundryCase(), echoCase(), helloTemplateCase(), cppWaitingCase()};
}

}  // namespace abitest
