// Against the Azure ML emulator (in-process, port 0, HTTPS with its own CA unless stated): each credential
// obtains and reuses tokens, the retry rules under injected faults, refusals, interrupt and deadline,
// the response-size limit, pool reuse, and no secret or token in any message or log.
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "Helpers.h"
#include "TestCertificate.h"
#include "arm/ArmClient.h"
#include "azureml_emulator/Emulator.h"
#include "identity/ManagedIdentityCredential.h"
#include "pipeline_job/ArmClientWiring.h"

using namespace aifoundry;
using namespace aifoundry::arm;
using namespace aifoundry::http;
using namespace armtest;
using azureml_emulator::Emulator;
using azureml_emulator::EmulatorOptions;
using azureml_emulator::Fault;
using azureml_emulator::FaultKind;

namespace {

constexpr const char* kClient = "c0ffee00-0000-4000-8000-000000000001";
constexpr const char* kSecret = "CANARY-emulator-secret-7c1d";

EmulatorOptions emulatorOptions(bool https = true) {
  EmulatorOptions options;
  options.https = https;
  options.stepMillis = 20;
  return options;
}

struct EmulatorFixture : ::testing::Test {
  std::unique_ptr<Emulator> emulator;
  LogCapture log;

  void start(EmulatorOptions options = emulatorOptions()) {
    emulator = std::make_unique<Emulator>(options);
    emulator->registerClientSecret(options.tenant, kClient, kSecret);
    emulator->start();
  }
  void SetUp() override { start(); }

  Attributes attributes(const std::string& method = "Service Principal") {
    Attributes a{{"Authentication Method", method},
                 {"Tenant Id", emulator->options().tenant},
                 {"Client Id", kClient},
                 {"Client Secret", kSecret},
                 {"Resource Manager Endpoint", emulator->baseUrl()},
                 {"Authority Host", emulator->baseUrl()}};
    if (emulator->options().https) a.set("CA Bundle Path", emulator->caCertPath());
    return a;
  }
  pipeline_job::ArmClientDependencies deps() {
    pipeline_job::ArmClientDependencies d;
    d.log = log.sink();
    d.retry = fastRetry();
    auto mi = identity::managedIdentityRetryOptions();
    mi.baseDelay = std::chrono::milliseconds(5);
    d.managedIdentityRetry = mi;
    d.environment = [](const std::string&) { return std::optional<std::string>(); };
    return d;
  }
  std::shared_ptr<ArmClient> client(const Attributes& a, pipeline_job::ArmClientDependencies d) {
    return pipeline_job::makeArmClient(a, std::move(d));
  }
  std::shared_ptr<ArmClient> client() { return client(attributes(), deps()); }
  std::string workspace() const { return emulator->workspaceUrl() + "?api-version=2024-10-01"; }
  std::string job(const std::string& name) const {
    return emulator->workspaceUrl() + "/jobs/" + name + "?api-version=2024-10-01";
  }
  void trickle(const std::string& route, int delayMs, int count) {
    Fault f;
    f.route = route;
    f.kind = FaultKind::Trickle;
    f.delayMs = delayMs;
    f.chunkBytes = 1;
    f.count = count;
    emulator->faults().add(f);
  }
  void fault(const std::string& route, FaultKind kind, int count = 1, int status = 503,
             const std::string& retryAfter = "") {
    Fault f;
    f.route = route;
    f.kind = kind;
    f.count = count;
    f.status = status;
    f.retryAfter = retryAfter;
    emulator->faults().add(f);
  }
  std::vector<std::string> clientRequestIds(const std::string& route) {
    std::vector<std::string> ids;
    for (const auto& entry : emulator->journal().entries(route))
      ids.push_back(entry.header("x-ms-client-request-id"));
    return ids;
  }
  void expectNoSecretsLogged() {
    EXPECT_FALSE(log.contains(kSecret));
    EXPECT_FALSE(log.contains("eyJ"));
  }
};

}  // namespace

class EmulatorConcurrency : public EmulatorFixture {};

TEST_F(EmulatorConcurrency, ServicePrincipalGetsOneTokenForManyCallsAndThreads) {
  auto arm = client();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i)
        if (arm->get(workspace(), CallControl()).status == 200) ++ok;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 60);
  EXPECT_EQ(emulator->tokensIssued(kClient), 1u);
  EXPECT_LE(emulator->connectionsAccepted(), 8u);  // the pool: 8 per host by default, tokens included
  expectNoSecretsLogged();
}

TEST_F(EmulatorFixture, AWrongSecretIsOneLineWithTheHint) {
  auto a = attributes();
  a.set("Client Secret", std::string(kSecret) + "-typo");
  auto arm = client(a, deps());
  auto error = errorOf([&] { arm->get(workspace(), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Authentication) << error.what();
  EXPECT_EQ(std::string(error.what()).find(kSecret), std::string::npos);
  EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos);
  expectNoSecretsLogged();
}

TEST_F(EmulatorFixture, UntrustedCertificateIsRefusedWithAClearMessage) {
  auto a = attributes();
  a.erase("CA Bundle Path");
  auto arm = client(a, deps());
  auto error = errorOf([&] { arm->get(workspace(), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Tls) << error.what();
  EXPECT_NE(std::string(error.what()).find("CA Bundle Path"), std::string::npos) << error.what();
  EXPECT_EQ(emulator->totalTokensIssued(), 0u);
}

TEST_F(EmulatorFixture, CertificateCredentialSignsIn) {
  TestCertificate certificate;
  const std::string certClient = "c0ffee00-0000-4000-8000-0000000000c1";
  emulator->registerClientCertificate(emulator->options().tenant, certClient, certificate.certificatePem());
  auto a = attributes("Certificate");
  a.set("Client Id", certClient);
  a.set("Certificate", certificate.pem());
  a.set("Thumbprint", certificate.thumbprint());
  auto arm = client(a, deps());
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->tokensIssued(certClient), 1u);
}

TEST_F(EmulatorFixture, WorkloadIdentitySignsInWithTheFederatedToken) {
  const std::string federated = "c0ffee00-0000-4000-8000-0000000000f1";
  emulator->registerFederatedClient(emulator->options().tenant, federated);
  Poco::TemporaryFile file;
  { Poco::FileOutputStream(file.path()) << emulator->mintFederatedAssertion(federated); }
  const auto before = emulator->tokensIssued(federated);  // the minted assertion may count as one
  auto a = attributes("Workload Identity");
  a.set("Client Id", federated);
  a.set("Federated Token File", file.path());
  auto arm = client(a, deps());
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->tokensIssued(federated), before + 1);
  expectNoSecretsLogged();
}

TEST_F(EmulatorFixture, ManagedIdentityThroughImdsAndAppService) {
  const std::string mi = "c0ffee00-0000-4000-8000-0000000000e1";
  emulator->registerManagedIdentity(mi);
  auto a = attributes("Managed Identity");
  a.set("Client Id", mi);
  a.set("Managed Identity Endpoint", emulator->baseUrl() + "/metadata/identity/oauth2/token");
  auto arm = client(a, deps());
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->tokensIssued(mi), 1u);

  auto d = deps();
  const std::string endpoint = emulator->baseUrl() + "/msi/token";
  const std::string header = emulator->options().identityHeader;
  d.environment = [endpoint, header](const std::string& name) -> std::optional<std::string> {
    if (name == "IDENTITY_ENDPOINT") return endpoint;
    if (name == "IDENTITY_HEADER") return header;
    return std::nullopt;
  };
  auto b = attributes("Managed Identity");
  b.set("Client Id", mi);
  auto appService = client(b, d);
  EXPECT_EQ(appService->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->tokensIssued(mi), 2u);
}

TEST_F(EmulatorFixture, ImdsRetriesGone) {
  const std::string mi = "c0ffee00-0000-4000-8000-0000000000e2";
  emulator->registerManagedIdentity(mi);
  fault("imds", FaultKind::Status, 2, 410);
  auto a = attributes("Managed Identity");
  a.set("Client Id", mi);
  a.set("Managed Identity Endpoint", emulator->baseUrl() + "/metadata/identity/oauth2/token");
  EXPECT_EQ(client(a, deps())->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->requestsServed("imds"), 3u);
}

TEST_F(EmulatorFixture, ServerErrorsAreRetriedWithOneClientRequestId) {
  auto arm = client();
  arm->get(workspace(), CallControl());  // sign in first
  fault("workspace", FaultKind::Status, 2, 503);
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  auto ids = clientRequestIds("workspace");
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(std::set<std::string>(ids.begin() + 1, ids.end()).size(), 1u);
  EXPECT_NE(ids[0], ids[1]);
}

TEST_F(EmulatorFixture, ThrottlingWithRetryAfterSecondsAndHttpDateIsRetried) {
  auto arm = client();
  fault("workspace", FaultKind::Status, 1, 429, "1");
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  fault("workspace", FaultKind::Status, 1, 429, "http-date+1");
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->requestsServed("workspace"), 4u);
}

class TransientFault : public EmulatorFixture, public ::testing::WithParamInterface<FaultKind> {};

TEST_P(TransientFault, IsRetriedToSuccess) {
  auto arm = client();
  arm->get(workspace(), CallControl());
  fault("workspace", GetParam(), 1);
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
}
INSTANTIATE_TEST_SUITE_P(Emulator, TransientFault,
                         ::testing::Values(FaultKind::ResetBeforeHeaders, FaultKind::ResetAfterHeaders,
                                           FaultKind::TruncatedBody, FaultKind::MalformedJson,
                                           FaultKind::WrongContentType));

TEST_F(EmulatorFixture, NotFoundIsNotRetried) {
  auto arm = client();
  auto error = errorOf([&] { arm->get(job("no-such-job"), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::NotFound) << error.what();
  EXPECT_EQ(emulator->requestsServed("jobs.get"), 1u);
  EXPECT_FALSE(error.requestId().empty());
}

TEST_F(EmulatorFixture, PutIsRetriedOnlyWhenIdempotent) {
  auto arm = client();
  arm->get(workspace(), CallControl());
  fault("jobs.put", FaultKind::Status, 1, 503);
  auto error = errorOf(
      [&] { arm->put(job("not-retried"), common::SecretString(R"({"properties":{}})"), CallControl()); });
  EXPECT_EQ(error.httpStatus(), 503);
  EXPECT_EQ(emulator->requestsServed("jobs.put"), 1u);
}

TEST_F(EmulatorConcurrency, InterruptDuringATrickledReplyReturnsPromptly) {
  auto arm = client();
  arm->get(workspace(), CallControl());
  trickle("workspace", 200, 1);
  CallControl control;
  std::thread interrupter([scope = control.scope] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    scope->abort();
  });
  const auto started = std::chrono::steady_clock::now();
  auto error = errorOf([&] { arm->get(workspace(), control); });
  interrupter.join();
  EXPECT_EQ(error.reason(), ErrorReason::Interrupted) << error.what();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_F(EmulatorFixture, DeadlineDuringATrickledReplyIsATimeout) {
  auto arm = client();
  arm->get(workspace(), CallControl());
  trickle("workspace", 100, -1);
  const auto started = std::chrono::steady_clock::now();
  auto error =
      errorOf([&] { arm->get(workspace(), CallControl::withTimeout(std::chrono::milliseconds(500))); });
  EXPECT_EQ(error.reason(), ErrorReason::Timeout) << error.what();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_F(EmulatorFixture, OversizedBodyIsRefused) {
  auto d = deps();
  TransportOptions transport = TransportOptions::fromAttributes(attributes());
  transport.maxResponseBytes = 1024 * 1024;
  d.transport = transport;
  auto arm = client(attributes(), d);
  arm->get(workspace(), CallControl());
  Fault f;
  f.route = "workspace";
  f.kind = FaultKind::OversizedBody;
  f.sizeBytes = 4 * 1024 * 1024;
  emulator->faults().add(f);
  auto error = errorOf([&] { arm->get(workspace(), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Rejected) << error.what();
}

TEST_F(EmulatorFixture, SequentialCallsShareOneConnection) {
  auto arm = client();
  for (int i = 0; i < 30; ++i) ASSERT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->connectionsAccepted(), 1u);  // token request and ARM calls: same host, one connection
}

TEST_F(EmulatorFixture, ShortLivedTokensAreRefreshedAfterExpiry) {
  auto options = emulatorOptions();
  options.tokenLifetimeSeconds = 2;
  start(options);
  auto arm = client();
  arm->get(workspace(), CallControl());
  arm->get(workspace(), CallControl());
  EXPECT_EQ(emulator->tokensIssued(kClient), 1u);  // inside the refresh window, but throttled to one per 30 s
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  arm->get(workspace(), CallControl());
  EXPECT_EQ(emulator->tokensIssued(kClient), 2u);  // expired: never served
}

TEST(EmulatorPlainHttp, IsRefusedUnlessAllowedForLoopback) {
  Emulator emulator(emulatorOptions(false));
  emulator.registerClientSecret(emulator.options().tenant, kClient, kSecret);
  emulator.start();
  Attributes a{{"Authentication Method", "Service Principal"},
               {"Tenant Id", emulator.options().tenant},
               {"Client Id", kClient},
               {"Client Secret", kSecret},
               {"Resource Manager Endpoint", emulator.baseUrl()},
               {"Authority Host", emulator.baseUrl()}};
  pipeline_job::ArmClientDependencies d;
  d.retry = fastRetry();
  auto refused = pipeline_job::makeArmClient(a, d);
  auto error =
      errorOf([&] { refused->get(emulator.workspaceUrl() + "?api-version=2024-10-01", CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings);
  EXPECT_NE(std::string(error.what()).find("Allow Plain HTTP To Loopback"), std::string::npos)
      << error.what();
  EXPECT_EQ(emulator.connectionsAccepted(), 0u);
  a.set("Allow Plain HTTP To Loopback", "true");
  auto allowed = pipeline_job::makeArmClient(a, d);
  EXPECT_EQ(allowed->get(emulator.workspaceUrl() + "?api-version=2024-10-01", CallControl()).status, 200);
}
