// Secrets: every operation and every error path runs with canary values for the client secret, the
// certificate password, the access tokens and a `Secret` parameter. No canary may appear in stdout, stderr,
// the host's log, an error or run message, a report, or the emulator's journal — except the one place that
// must carry it: the submitted job's literal input for the Secret parameter (the PUT body), since Azure runs
// the pipeline with it. (Token requests and bearer headers carry secrets too; the emulator's journal masks
// them, so any canary found there is a leak into some other field.) Any JWT ("eyJ...") counts as a token.
#include <Poco/Base64Decoder.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "CanaryCertificate.h"
#include "PipelineJobFixture.h"
#include "identity/ManagedIdentityCredential.h"
#include "pipeline_job/PipelineJobOptions.h"
#include "pipeline_job/PipelineJobType.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

constexpr const char* kCanaryClient = "0f0e0d0c-0000-4000-8000-0000000ca4a1";
constexpr const char* kCertClient = "0f0e0d0c-0000-4000-8000-0000000ca4a2";
constexpr const char* kSecretCanary = "CANARYclientSECRET3f9d1c";
constexpr const char* kWrongSecretCanary = "CANARYwrongSECRET8e2b40";
constexpr const char* kPasswordCanary = "CANARYcertPASSWORD51aa7";
constexpr const char* kWrongPasswordCanary = "CANARYwrongPASSWORD0c3e";
constexpr const char* kParamCanary = "CANARYsecretPARAM77c4e1";
constexpr const char* kFederatedClient = "0f0e0d0c-0000-4000-8000-0000000ca4a3";
constexpr const char* kManagedClient = "0f0e0d0c-0000-4000-8000-0000000ca4a4";
constexpr const char* kIdentityHeaderCanary = "CANARYidentityHEADER6b20d";
constexpr const char* kWrongIdentityHeaderCanary = "CANARYwrongHEADER93f1a";
constexpr const char* kFederatedCanary = "CANARYfederatedTOKEN2d8c5";
constexpr const char* kJwtPrefix = "eyJ";  // base64url of '{"': the start of every JWT

class SecretCanaryTest : public PipelineJobTest {
 protected:
  // The App Service identity header the emulator expects is a canary too.
  azureml_emulator::EmulatorOptions makeOptions() override {
    auto options = PipelineJobTest::makeOptions();
    options.identityHeader = kIdentityHeaderCanary;
    return options;
  }

  // A job type whose process environment is `variables` (Environment sign-in, the App Service variables),
  // with quick managed-identity retries. Instances of the previous job type must be gone.
  void useEnvironment(std::map<std::string, std::string> variables) {
    instance.reset();
    PipelineJobOptions options;
    options.retry.maxRetries = 2;
    options.retry.baseDelay = std::chrono::milliseconds(1);
    options.retry.maxDelay = std::chrono::milliseconds(20);
    auto managed = identity::managedIdentityRetryOptions();
    managed.maxRetries = 2;
    managed.baseDelay = std::chrono::milliseconds(1);
    managed.maxDelay = std::chrono::milliseconds(20);
    managed.goneBudget = std::chrono::milliseconds(50);
    options.managedIdentityRetry = managed;
    options.environment = [variables](const std::string& name) -> std::optional<std::string> {
      auto it = variables.find(name);
      if (it == variables.end()) return std::nullopt;
      return it->second;
    };
    jobType = makePipelineJobType(options);
  }

  // A file holding `content`, removed with the test.
  std::string fileWith(const std::string& content) {
    files.emplace_back(std::make_unique<Poco::TemporaryFile>());
    Poco::FileOutputStream(files.back()->path()) << content;
    return files.back()->path();
  }
  static std::string decodeBase64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string out;
    Poco::StreamCopier::copyToString(decoder, out);
    return out;
  }

  void SetUp() override {
    PipelineJobTest::SetUp();
    emulator->registerClientSecret(emulator->options().tenant, kCanaryClient, kSecretCanary);
    addTemplate("secret-template", "{}");
    addTemplate("secret-fail-template", R"({"emulator.behavior":"fail"})");
    addTemplate("secret-hang-template", R"({"emulator.behavior":"hang"})");
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    canaries = {kSecretCanary,
                kWrongSecretCanary,
                kPasswordCanary,
                kWrongPasswordCanary,
                kParamCanary,
                kIdentityHeaderCanary,
                kWrongIdentityHeaderCanary,
                kFederatedCanary,
                kJwtPrefix};
  }

  Settings servicePrincipal(const std::string& secret = kSecretCanary) const {
    return {{std::string(common::settings::kClientId), kCanaryClient},
            {std::string(common::settings::kClientSecret), secret}};
  }

  // Settings as the host hands them over: the secret ones flagged.
  std::unique_ptr<core::JobTypeInstance> connectFlagged(const Settings& changes) {
    auto all = settings(changes);
    for (auto& setting : all) {
      setting.secret = setting.key == common::settings::kClientSecret ||
                       setting.key == common::settings::kCertificatePassword ||
                       setting.key == common::settings::kCertificate;
    }
    auto ctx = context();
    return jobType->create(all, ctx);
  }

  // Runs `call`; keeps what it returned or the error's message for the final scan.
  void observe(const std::string& what, const std::function<std::string()>& call) {
    try {
      seen.push_back(what + ": " + call());
    } catch (const core::JobTypeError& e) {
      seen.push_back(what + " failed (" + core::errorCodeName(e.code()) + "): " + e.message());
    }
  }
  static std::string describe(const core::StatusReport& r) {
    std::string text = r.rawStatus + " | " + r.message + " | " + r.monitorUrl;
    for (const auto& output : r.outputs) text += " | " + output.name + "=" + output.value;
    return text;
  }
  static std::string describe(const core::RunResult& r) { return r.runId + " | " + r.monitorUrl; }

  // Every operation on `target`: test connection, import, run with a Secret parameter (to completion), a
  // failing run, a cancel, and the refused parameters.
  void everyOperation(core::JobTypeInstance* target, const std::string& tag) {
    observe("test connection", [&] { return testConnection(target); });
    observe("import", [&] {
      std::string text;
      for (const auto& job : importJobs({}, target)) {
        text += job.externalId + " " + job.name + " " + job.description;
        for (const auto& p : job.parameters) text += " " + p.name + "=" + p.defaultValue.value_or("");
      }
      return text;
    });
    const auto secret = input("greeting", kParamCanary, core::DataType::Secret);
    std::string runId;
    observe("run", [&] {
      const auto result = run(request("secret-template", {secret, output("result")}, tag + "-ok"), target);
      runId = result.runId;
      return describe(result);
    });
    if (!runId.empty()) {
      for (const auto& report : pollUntilTerminalOn(runId, target))
        seen.push_back("poll: " + describe(report));
    }
    std::string failedId;
    observe("failing run", [&] {
      const auto result = run(request("secret-fail-template", {secret}, tag + "-fail"), target);
      failedId = result.runId;
      return describe(result);
    });
    if (!failedId.empty()) {
      for (const auto& report : pollUntilTerminalOn(failedId, target))
        seen.push_back("poll: " + describe(report));
    }
    observe("cancel", [&] {
      const auto id = run(request("secret-hang-template", {secret}, tag + "-hang"), target).runId;
      return describe(cancel(id, target));
    });
    // The same key with another secret value: the existing run is returned, the new value never echoed.
    observe("repeated key", [&] {
      return describe(
          run(request("secret-template", {input("greeting", kWrongSecretCanary, core::DataType::Secret)},
                      tag + "-ok"),
              target));
    });
    observe("unknown input", [&] {
      return describe(
          run(request("secret-template", {input("no_such_input", kParamCanary, core::DataType::Secret)}),
              target));
    });
    observe("asset input", [&] {
      return describe(run(
          request(kTrainTemplate, {input("training_data", kParamCanary, core::DataType::Secret)}), target));
    });
    observe("unknown template", [&] { return describe(run(request("no-such-template", {secret}), target)); });
  }

  std::vector<core::StatusReport> pollUntilTerminalOn(const std::string& runId,
                                                      core::JobTypeInstance* target) {
    std::vector<core::StatusReport> reports;
    for (int i = 0; i < 2000; ++i) {
      try {
        reports.push_back(poll(runId, {output("result", core::Direction::InputOutput)}, target));
      } catch (const core::JobTypeError& e) {
        seen.push_back("poll failed: " + e.message());
        break;
      }
      if (core::isTerminal(reports.back().state)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return reports;
  }

  // The scan: ends the capture and checks every surface.
  void expectNoCanary() {
    const std::string out = ::testing::internal::GetCapturedStdout();
    const std::string err = ::testing::internal::GetCapturedStderr();
    std::string messages;
    for (const auto& line : seen) messages += line + "\n";
    const std::string log = host->allText();
    for (const auto& canary : canaries) {
      EXPECT_EQ(out.find(canary), std::string::npos) << "stdout holds a canary: " << canary;
      EXPECT_EQ(err.find(canary), std::string::npos) << "stderr holds a canary: " << canary;
      EXPECT_EQ(messages.find(canary), std::string::npos) << "a message holds " << canary << ":\n"
                                                          << messages;
      EXPECT_EQ(log.find(canary), std::string::npos) << "the host log holds " << canary;
    }
    size_t carried = 0;
    for (const auto& entry : emulator->journal().entries()) {
      std::string text = entry.path + "?" + entry.query + " ";
      for (const auto& [name, value] : entry.headers) text += name + ": " + value + "\n";
      const bool mustCarry = entry.route == "jobs.put";
      for (const auto& canary : canaries) {
        if (mustCarry && canary == std::string(kParamCanary)) {
          if (entry.body.find(canary) != std::string::npos) ++carried;
          EXPECT_EQ(text.find(canary), std::string::npos) << entry.route << " " << text;
          continue;
        }
        EXPECT_EQ((text + entry.body).find(canary), std::string::npos)
            << "journal " << entry.route << " holds " << canary << ": " << text << entry.body;
      }
    }
    EXPECT_GT(carried, 0u) << "the Secret parameter never reached Azure: the test did not run what it claims";
    EXPECT_GT(seen.size(), 5u);
    if (std::getenv("POLYSYNC_SHOW_SURFACES")) {
      for (const auto& line : seen) std::printf("  %s\n", line.c_str());
    }
    std::printf(
        "[secrets] surfaces scanned: %zu messages, %zu log lines, %zu journal entries, %zu canaries\n",
        seen.size(), host->lines().size(), emulator->journal().size(), canaries.size());
  }

  std::vector<std::string> canaries;
  std::vector<std::string> seen;
  std::vector<std::unique_ptr<Poco::TemporaryFile>> files;
};

TEST_F(SecretCanaryTest, ServicePrincipalEveryOperationAndErrorPath) {
  auto good = connectFlagged(servicePrincipal());
  everyOperation(good.get(), "sp");
  // Error paths with the canaries in play.
  auto wrongSecret = connectFlagged(servicePrincipal(kWrongSecretCanary));
  observe("wrong secret", [&] { return testConnection(wrongSecret.get()); });
  observe("wrong secret, run", [&] {
    return describe(run(request("secret-template", {input("greeting", kParamCanary, core::DataType::Secret)}),
                        wrongSecret.get()));
  });
  auto wrongTenant =
      connectFlagged({{std::string(common::settings::kTenantId), "99999999-8888-7777-6666-555555555555"},
                      {std::string(common::settings::kClientId), kCanaryClient},
                      {std::string(common::settings::kClientSecret), kSecretCanary}});
  observe("wrong tenant", [&] { return testConnection(wrongTenant.get()); });
  emulator->faults().add(azureml_emulator::Fault::parse("jobs.get:401,count=-1"));
  observe("401", [&] { return describe(poll("anything-1", {}, good.get())); });
  emulator->faults().clear();
  emulator->faults().add(azureml_emulator::Fault::parse("jobs.put:403,count=-1"));
  observe("403 on submit", [&] {
    return describe(run(request("secret-template", {input("greeting", kParamCanary, core::DataType::Secret)}),
                        good.get()));
  });
  emulator->faults().clear();
  emulator->faults().add(azureml_emulator::Fault::parse("jobs.put:503,count=-1"));
  observe("503 on submit", [&] {
    return describe(run(request("secret-template", {input("greeting", kParamCanary, core::DataType::Secret)}),
                        good.get()));
  });
  emulator->faults().clear();
  emulator->faults().add(azureml_emulator::Fault::parse("token:400,count=-1"));
  auto fresh = connectFlagged(servicePrincipal());
  observe("token refused", [&] { return testConnection(fresh.get()); });
  emulator->faults().clear();
  good.reset();
  expectNoCanary();
}

TEST_F(SecretCanaryTest, CertificateWithPasswordEveryOperationAndErrorPath) {
  const auto cert = CanaryCertificate::generate(kPasswordCanary);
  emulator->registerClientCertificate(emulator->options().tenant, kCertClient, cert.certificatePem);
  const Settings certificate = {{std::string(common::settings::kAuthenticationMethod),
                                 std::string(common::settings::kCertificateMethod)},
                                {std::string(common::settings::kClientId), kCertClient},
                                {std::string(common::settings::kClientSecret), ""},
                                {std::string(common::settings::kCertificate), cert.pfxBase64},
                                {std::string(common::settings::kCertificatePassword), kPasswordCanary}};
  auto good = connectFlagged(certificate);
  everyOperation(good.get(), "cert");
  Settings wrong = certificate;
  wrong[std::string(common::settings::kCertificatePassword)] = kWrongPasswordCanary;
  observe("wrong password", [&] {
    auto other = connectFlagged(wrong);
    return testConnection(other.get());
  });
  Settings broken = certificate;
  broken[std::string(common::settings::kCertificate)] = std::string(kPasswordCanary) + "-not-a-certificate";
  observe("unreadable certificate", [&] {
    auto other = connectFlagged(broken);
    return testConnection(other.get());
  });
  good.reset();
  expectNoCanary();
}

TEST_F(SecretCanaryTest, HostTokensEveryOperationAndErrorPath) {
  // The host's identity (Polysync Service Principal) hands out tokens the emulator minted; each is a canary.
  instance.reset();
  std::mutex mutex;
  std::vector<std::string> minted;
  std::atomic<bool> expired{false};
  host = std::make_unique<RecordingHost>([&](const std::string& scope) {
    std::string audience = scope.substr(0, scope.rfind("/.default"));
    std::lock_guard<std::mutex> lock(mutex);
    minted.push_back(emulator->mintToken(audience, expired ? -60 : 3600));
    return minted.back();
  });
  const Settings hostIdentity = {{std::string(common::settings::kAuthenticationMethod),
                                  std::string(common::settings::kPolysyncServicePrincipal)},
                                 {std::string(common::settings::kClientId), ""},
                                 {std::string(common::settings::kClientSecret), ""}};
  auto good = connectFlagged(hostIdentity);
  everyOperation(good.get(), "host");
  expired = true;
  auto stale = connectFlagged(hostIdentity);
  observe("expired host token", [&] { return testConnection(stale.get()); });
  observe("expired host token, poll", [&] { return describe(poll("anything-2", {}, stale.get())); });
  good.reset();
  stale.reset();
  {
    std::lock_guard<std::mutex> lock(mutex);
    ASSERT_FALSE(minted.empty()) << "the host's identity was never asked for a token";
    for (const auto& token : minted) canaries.push_back(token.substr(token.rfind('.') + 1));  // the signature
  }
  expectNoCanary();
}

TEST_F(SecretCanaryTest, WorkloadIdentityEveryOperationAndErrorPath) {
  emulator->registerFederatedClient(emulator->options().tenant, kFederatedClient);
  const std::string assertion = emulator->mintFederatedAssertion(kFederatedClient);
  canaries.push_back(assertion.substr(assertion.rfind('.') + 1));  // its signature, should "eyJ" be cut off
  const Settings workload = {{std::string(common::settings::kAuthenticationMethod),
                              std::string(common::settings::kWorkloadIdentity)},
                             {std::string(common::settings::kClientId), kFederatedClient},
                             {std::string(common::settings::kClientSecret), ""},
                             {std::string(common::settings::kFederatedTokenFile), fileWith(assertion)}};
  auto good = connectFlagged(workload);
  everyOperation(good.get(), "wi");
  Settings rejected = workload;
  rejected[std::string(common::settings::kFederatedTokenFile)] = fileWith(kFederatedCanary);
  observe("rejected federated token", [&] {
    auto other = connectFlagged(rejected);
    return testConnection(other.get());
  });
  Settings missing = workload;
  missing[std::string(common::settings::kFederatedTokenFile)] = "/nonexistent/azure-identity-token";
  observe("missing token file", [&] {
    auto other = connectFlagged(missing);
    return testConnection(other.get());
  });
  good.reset();
  expectNoCanary();
}

TEST_F(SecretCanaryTest, ManagedIdentityEveryOperationAndErrorPath) {
  emulator->registerManagedIdentity(kManagedClient);
  useEnvironment({});
  const Settings imds = {
      {std::string(common::settings::kAuthenticationMethod), std::string(common::settings::kManagedIdentity)},
      {std::string(common::settings::kClientId), kManagedClient},
      {std::string(common::settings::kClientSecret), ""},
      {std::string(common::settings::kManagedIdentityEndpoint),
       emulator->baseUrl() + "/metadata/identity/oauth2/token"}};
  auto good = connectFlagged(imds);
  everyOperation(good.get(), "mi");
  for (const char* fault : {"imds:400,count=-1", "imds:503,count=-1", "imds:410,count=-1"}) {
    emulator->faults().add(azureml_emulator::Fault::parse(fault));
    observe(fault, [&] {
      auto other = connectFlagged(imds);
      return testConnection(other.get());
    });
    emulator->faults().clear();
  }
  good.reset();

  // App Service: the identity header (a secret) comes from IDENTITY_HEADER.
  Settings appService = imds;
  appService[std::string(common::settings::kManagedIdentityEndpoint)] = "";
  useEnvironment({{"IDENTITY_ENDPOINT", emulator->baseUrl() + "/msi/token"},
                  {"IDENTITY_HEADER", kIdentityHeaderCanary}});
  auto app = connectFlagged(appService);
  observe("app service", [&] { return testConnection(app.get()); });
  observe("app service, run", [&] {
    return describe(
        run(request("secret-template", {input("greeting", kParamCanary, core::DataType::Secret)}, "mi-app"),
            app.get()));
  });
  app.reset();
  useEnvironment({{"IDENTITY_ENDPOINT", emulator->baseUrl() + "/msi/token"},
                  {"IDENTITY_HEADER", kWrongIdentityHeaderCanary}});
  observe("app service, wrong header", [&] {
    auto other = connectFlagged(appService);
    return testConnection(other.get());
  });
  EXPECT_GE(emulator->tokensIssued(kManagedClient), 2u)
      << "both managed-identity protocols must have signed in";
  expectNoCanary();
}

TEST_F(SecretCanaryTest, EnvironmentEveryOperationAndErrorPath) {
  const std::string tenant = emulator->options().tenant;
  const Settings environment = {
      {std::string(common::settings::kAuthenticationMethod), std::string(common::settings::kEnvironment)},
      {std::string(common::settings::kClientId), ""},
      {std::string(common::settings::kClientSecret), ""}};
  useEnvironment({{"AZURE_TENANT_ID", tenant},
                  {"AZURE_CLIENT_ID", kCanaryClient},
                  {"AZURE_CLIENT_SECRET", kSecretCanary}});
  auto good = connectFlagged(environment);
  everyOperation(good.get(), "env");
  good.reset();
  useEnvironment({{"AZURE_TENANT_ID", tenant},
                  {"AZURE_CLIENT_ID", kCanaryClient},
                  {"AZURE_CLIENT_SECRET", kWrongSecretCanary}});
  observe("environment, wrong secret", [&] {
    auto other = connectFlagged(environment);
    return testConnection(other.get());
  });

  // The certificate branch, with its password from AZURE_CLIENT_CERTIFICATE_PASSWORD.
  const auto cert = CanaryCertificate::generate(kPasswordCanary);
  emulator->registerClientCertificate(tenant, kCertClient, cert.certificatePem);
  const std::string pfx = fileWith(decodeBase64(cert.pfxBase64));
  useEnvironment({{"AZURE_TENANT_ID", tenant},
                  {"AZURE_CLIENT_ID", kCertClient},
                  {"AZURE_CLIENT_CERTIFICATE_PATH", pfx},
                  {"AZURE_CLIENT_CERTIFICATE_PASSWORD", kPasswordCanary}});
  observe("environment, certificate", [&] {
    auto other = connectFlagged(environment);
    return testConnection(other.get());
  });
  useEnvironment({{"AZURE_TENANT_ID", tenant},
                  {"AZURE_CLIENT_ID", kCertClient},
                  {"AZURE_CLIENT_CERTIFICATE_PATH", pfx},
                  {"AZURE_CLIENT_CERTIFICATE_PASSWORD", kWrongPasswordCanary}});
  observe("environment, wrong certificate password", [&] {
    auto other = connectFlagged(environment);
    return testConnection(other.get());
  });
  EXPECT_EQ(emulator->tokensIssued(kCertClient), 1u) << "the certificate branch must have signed in";
  expectNoCanary();
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
