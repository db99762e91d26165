// Sign-in against the Azure ML emulator, end to end through ArmClient: the `Environment` credential's
// branches (AZURE_* variables, injected through pipeline_job::ArmClientDependencies::environment), one token
// request per lifetime for every credential kind under many threads, the IMDS retry rules (404, 429, the 410
// budget), sovereign clouds with their endpoints pointed at the emulator, and interrupts while signing in.
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "Helpers.h"
#include "TestCertificate.h"
#include "arm/ArmClient.h"
#include "azureml_emulator/Emulator.h"
#include "http/AccessToken.h"
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

constexpr const char* kSecretClient = "c0ffee00-0000-4000-8000-0000000005e1";
constexpr const char* kSecret = "CANARY-signin-secret-41a7";
constexpr const char* kCertClient = "c0ffee00-0000-4000-8000-0000000005c1";
constexpr const char* kFederatedClient = "c0ffee00-0000-4000-8000-0000000005f1";
constexpr const char* kManagedClient = "c0ffee00-0000-4000-8000-0000000005a1";

identity::EnvironmentReader envFrom(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

// The form fields of a token request body the emulator journaled (secrets there are already "***").
std::map<std::string, std::string> formOf(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    const std::string pair = body.substr(start, end - start);
    const std::size_t eq = pair.find('=');
    std::string key, value;
    Poco::URI::decode(pair.substr(0, eq), key, true);
    if (eq != std::string::npos) Poco::URI::decode(pair.substr(eq + 1), value, true);
    fields[key] = value;
    start = end + 1;
  }
  return fields;
}

// One certificate for the whole file (the openssl CLI takes a while per key).
TestCertificate& sharedCertificate() {
  static TestCertificate certificate;
  return certificate;
}

struct SignInFixture : ::testing::Test {
  std::unique_ptr<Emulator> emulator;
  TestCertificate& certificate = sharedCertificate();
  Poco::TemporaryFile federatedFile;
  LogCapture log;

  void start(EmulatorOptions options) {
    options.stepMillis = 20;
    emulator = std::make_unique<Emulator>(options);
    const auto& tenant = emulator->options().tenant;
    emulator->registerClientSecret(tenant, kSecretClient, kSecret);
    emulator->registerClientCertificate(tenant, kCertClient, certificate.certificatePem());
    emulator->registerFederatedClient(tenant, kFederatedClient);
    emulator->registerManagedIdentity(kManagedClient);
    emulator->start();
    Poco::FileOutputStream(federatedFile.path()) << emulator->mintFederatedAssertion(kFederatedClient);
  }
  void SetUp() override { start({}); }

  // ARM (and, unless `withAuthority` is false, the authority) pointed at the emulator, trusting its CA.
  Attributes attributes(const std::string& method, bool withAuthority = true) {
    Attributes a{{"Authentication Method", method},
                 {"Resource Manager Endpoint", emulator->baseUrl()},
                 {"CA Bundle Path", emulator->caCertPath()}};
    if (withAuthority) a.set("Authority Host", emulator->baseUrl());
    return a;
  }
  pipeline_job::ArmClientDependencies deps(identity::EnvironmentReader environment = envFrom({})) {
    pipeline_job::ArmClientDependencies d;
    d.log = log.sink();
    d.retry = fastRetry();
    auto mi = identity::managedIdentityRetryOptions();
    mi.baseDelay = std::chrono::milliseconds(5);
    mi.maxDelay = std::chrono::milliseconds(20);
    d.managedIdentityRetry = mi;
    d.environment = std::move(environment);
    return d;
  }
  std::string workspace() const { return emulator->workspaceUrl() + "?api-version=2024-10-01"; }
  std::string imdsUrl() const { return emulator->baseUrl() + "/metadata/identity/oauth2/token"; }
  std::map<std::string, std::string> lastTokenForm() {
    auto entries = emulator->journal().entries("token");
    return entries.empty() ? std::map<std::string, std::string>{} : formOf(entries.back().body);
  }
  void fault(const std::string& route, int status, int count) {
    Fault f;
    f.route = route;
    f.kind = FaultKind::Status;
    f.status = status;
    f.count = count;
    emulator->faults().add(f);
  }
  void expectNothingSecretLogged() {
    EXPECT_FALSE(log.contains(kSecret));
    EXPECT_FALSE(log.contains("pfx-pass"));
    EXPECT_FALSE(log.contains("eyJ"));  // any JWT: tokens, assertions
  }
  // A client signing in as `kind` ("Certificate", "Workload Identity", "Managed Identity" (IMDS),
  // "App Service" or "Polysync Service Principal", whose provider calls are counted in `hostCalls`).
  std::shared_ptr<ArmClient> clientFor(const std::string& kind, std::atomic<int>& hostCalls) {
    auto d = deps();
    Attributes a = attributes(kind);
    if (kind == "Certificate") {
      a.set("Tenant Id", emulator->options().tenant);
      a.set("Client Id", kCertClient);
      a.set("Certificate", certificate.pem());
    } else if (kind == "Workload Identity") {
      a.set("Tenant Id", emulator->options().tenant);
      a.set("Client Id", kFederatedClient);
      a.set("Federated Token File", federatedFile.path());
    } else if (kind == "Managed Identity") {
      a.set("Client Id", kManagedClient);
      a.set("Managed Identity Endpoint", imdsUrl());
    } else if (kind == "App Service") {
      a.set("Authentication Method", "Managed Identity");
      a.set("Client Id", kManagedClient);
      d.environment = envFrom({{"IDENTITY_ENDPOINT", emulator->baseUrl() + "/msi/token"},
                               {"IDENTITY_HEADER", emulator->options().identityHeader}});
    } else {
      Emulator* emu = emulator.get();
      d.hostTokens = [emu, &hostCalls](const std::string& scope, const std::string&) {
        ++hostCalls;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a slow provider: callers pile up
        const std::string audience = scope.substr(0, scope.size() - std::string("/.default").size());
        const int lifetime = emu->options().tokenLifetimeSeconds;
        return identity::HostToken{emu->mintToken(audience, lifetime), http::systemUnixNow() + lifetime};
      };
    }
    return pipeline_job::makeArmClient(a, d);
  }
  // Two ARM calls on one client: both succeed, one token issued to `clientId`.
  void expectSignsInOnce(const Attributes& a, pipeline_job::ArmClientDependencies d,
                         const std::string& clientId) {
    auto arm = pipeline_job::makeArmClient(a, std::move(d));
    const auto before = emulator->tokensIssued(clientId);
    EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
    EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
    EXPECT_EQ(emulator->tokensIssued(clientId), before + 1);
    for (const auto& entry : emulator->journal().entries("workspace")) EXPECT_EQ(entry.principal, clientId);
  }
};

}  // namespace

// --- Environment: each branch of DefaultAzureCredential's order gets a real token -----------------------

TEST_F(SignInFixture, EnvironmentClientSecretUsesAzureAuthorityHost) {
  const std::string tenant = emulator->options().tenant;
  // No `Authority Host` attribute: AZURE_AUTHORITY_HOST (trailing slash and all) must take effect.
  expectSignsInOnce(attributes("Environment", false),
                    deps(envFrom({{"AZURE_TENANT_ID", tenant},
                                  {"AZURE_CLIENT_ID", kSecretClient},
                                  {"AZURE_CLIENT_SECRET", kSecret},
                                  {"AZURE_CLIENT_CERTIFICATE_PATH", "/nonexistent.pem"},
                                  {"AZURE_AUTHORITY_HOST", emulator->baseUrl() + "/"}})),
                    kSecretClient);
  auto form = lastTokenForm();
  EXPECT_EQ(form["grant_type"], "client_credentials");
  EXPECT_EQ(form["client_id"], kSecretClient);
  EXPECT_EQ(form["client_secret"], "***");  // sent (the journal masks it)
  EXPECT_EQ(form["scope"], "https://management.azure.com/.default");
  expectNothingSecretLogged();
}

class EnvironmentCertificate : public SignInFixture, public ::testing::WithParamInterface<std::string> {};

TEST_P(EnvironmentCertificate, SignsInWithAnAssertion) {
  std::map<std::string, std::string> env{{"AZURE_TENANT_ID", emulator->options().tenant},
                                         {"AZURE_CLIENT_ID", kCertClient},
                                         {"AZURE_FEDERATED_TOKEN_FILE", "/nonexistent-token-file"}};
  if (GetParam() == "pfx") {
    env["AZURE_CLIENT_CERTIFICATE_PATH"] = certificate.pfxPath;
    env["AZURE_CLIENT_CERTIFICATE_PASSWORD"] = "pfx-pass";
  } else {
    const std::string both = certificate.dir.path() + "/both.pem";
    Poco::FileOutputStream(both) << certificate.pem();
    env["AZURE_CLIENT_CERTIFICATE_PATH"] = both;
  }
  expectSignsInOnce(attributes("Environment"), deps(envFrom(env)), kCertClient);
  auto form = lastTokenForm();
  EXPECT_EQ(form["client_assertion_type"], "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  EXPECT_EQ(form["client_assertion"], "***");
  EXPECT_EQ(form.count("client_secret"), 0u);
  expectNothingSecretLogged();
}
INSTANTIATE_TEST_SUITE_P(Environment, EnvironmentCertificate, ::testing::Values("pfx", "pem"));

TEST_F(SignInFixture, EnvironmentCertificateWithAWrongPasswordIsASettingsErrorWithoutIt) {
  auto env = envFrom({{"AZURE_TENANT_ID", emulator->options().tenant},
                      {"AZURE_CLIENT_ID", kCertClient},
                      {"AZURE_CLIENT_CERTIFICATE_PATH", certificate.pfxPath},
                      {"AZURE_CLIENT_CERTIFICATE_PASSWORD", "CANARY-wrong-pfx-password"}});
  auto error = errorOf([&] { pipeline_job::makeArmClient(attributes("Environment"), deps(env)); });
  EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings) << error.what();
  EXPECT_EQ(std::string(error.what()).find("CANARY"), std::string::npos) << error.what();
  // It names the variables the user set, not the `Certificate` settings they never saw.
  EXPECT_NE(std::string(error.what()).find("AZURE_CLIENT_CERTIFICATE_PASSWORD"), std::string::npos)
      << error.what();
  EXPECT_EQ(std::string(error.what()).find("'Certificate Password'"), std::string::npos) << error.what();
  EXPECT_EQ(emulator->requestsServed("token"), 0u);
}

TEST_F(SignInFixture, EnvironmentWorkloadIdentity) {
  expectSignsInOnce(attributes("Environment"),
                    deps(envFrom({{"AZURE_TENANT_ID", emulator->options().tenant},
                                  {"AZURE_CLIENT_ID", kFederatedClient},
                                  {"AZURE_FEDERATED_TOKEN_FILE", federatedFile.path()}})),
                    kFederatedClient);
  auto form = lastTokenForm();
  EXPECT_EQ(form["client_assertion_type"], "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  expectNothingSecretLogged();
}

TEST_F(SignInFixture, EnvironmentFallsBackToManagedIdentity) {
  // No tenant: neither secret, certificate nor workload identity applies; the App Service variables do.
  expectSignsInOnce(attributes("Environment"),
                    deps(envFrom({{"AZURE_CLIENT_ID", kManagedClient},
                                  {"AZURE_CLIENT_SECRET", kSecret},
                                  {"IDENTITY_ENDPOINT", emulator->baseUrl() + "/msi/token"},
                                  {"IDENTITY_HEADER", emulator->options().identityHeader}})),
                    kManagedClient);
  EXPECT_EQ(emulator->requestsServed("token"), 0u);
  EXPECT_EQ(emulator->requestsServed("appservice"), 1u);
  expectNothingSecretLogged();
}

// --- One token request per lifetime, whatever the credential, calls and threads -------------------------

struct CredentialKind {
  std::string name;
  std::string clientId;  // whose tokens the emulator counts; empty: count the host's provider calls
};

// Stable, readable test names in ctest (gtest would print the bytes, heap pointers included).
void PrintTo(const CredentialKind& kind, std::ostream* out) { *out << kind.name; }

class OneTokenPerLifetimeConcurrency : public SignInFixture,
                                       public ::testing::WithParamInterface<CredentialKind> {};

TEST_P(OneTokenPerLifetimeConcurrency, ManyThreadsAndCalls) {
  const auto& kind = GetParam();
  std::atomic<int> hostCalls{0};
  const auto before = kind.clientId.empty() ? 0 : emulator->tokensIssued(kind.clientId);
  auto arm = clientFor(kind.name, hostCalls);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i)
        if (arm->get(workspace(), CallControl()).status == 200) ++ok;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 80);
  if (kind.clientId.empty())
    EXPECT_EQ(hostCalls.load(), 1);
  else
    EXPECT_EQ(emulator->tokensIssued(kind.clientId), before + 1);
  expectNothingSecretLogged();
}
INSTANTIATE_TEST_SUITE_P(SignIn, OneTokenPerLifetimeConcurrency,
                         ::testing::Values(CredentialKind{"Certificate", kCertClient},
                                           CredentialKind{"Workload Identity", kFederatedClient},
                                           CredentialKind{"Managed Identity", kManagedClient},
                                           CredentialKind{"App Service", kManagedClient},
                                           CredentialKind{"Polysync Service Principal", ""}),
                         [](const ::testing::TestParamInfo<CredentialKind>& param) {
                           std::string name;
                           for (char c : param.param.name)
                             if (std::isalnum(static_cast<unsigned char>(c))) name += c;
                           return name;
                         });

// After expiry each kind asks again, once (the service principal:
// EmulatorFixture.ShortLivedTokensAreRefreshedAfterExpiry). One sleep past a 2 s token lifetime serves every
// kind.
TEST_F(SignInFixture, EveryCredentialKindRefreshesOnceAfterExpiry) {
  EmulatorOptions options;
  options.tokenLifetimeSeconds = 2;
  start(options);
  const std::vector<CredentialKind> kinds{{"Certificate", kCertClient},
                                          {"Workload Identity", kFederatedClient},
                                          {"Managed Identity", kManagedClient},
                                          {"App Service", kManagedClient},
                                          {"Polysync Service Principal", ""}};
  std::atomic<int> hostCalls{0};
  std::map<std::string, std::size_t> baseline, kindsOf;
  std::vector<std::shared_ptr<ArmClient>> clients;
  for (const auto& kind : kinds) {
    if (!kind.clientId.empty()) {
      baseline[kind.clientId] = emulator->tokensIssued(kind.clientId);
      ++kindsOf[kind.clientId];
    }
    clients.push_back(clientFor(kind.name, hostCalls));
  }
  auto callEachTwice = [&] {
    for (auto& arm : clients)
      for (int i = 0; i < 2; ++i) EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  };
  callEachTwice();
  for (const auto& [client, count] : kindsOf)
    EXPECT_EQ(emulator->tokensIssued(client), baseline[client] + count) << client;
  EXPECT_EQ(hostCalls.load(), 1);

  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  // The pod's token file is rotated meanwhile (its assertion expired too): it is read afresh.
  const auto beforeMint = emulator->tokensIssued(kFederatedClient);
  Poco::FileOutputStream(federatedFile.path()) << emulator->mintFederatedAssertion(kFederatedClient);
  baseline[kFederatedClient] +=
      emulator->tokensIssued(kFederatedClient) - beforeMint;  // should minting count
  callEachTwice();
  for (const auto& [client, count] : kindsOf)
    EXPECT_EQ(emulator->tokensIssued(client), baseline[client] + 2 * count) << client;
  EXPECT_EQ(hostCalls.load(), 2);
}

// --- IMDS retry rules --------------------------------------------------------------------------------------

class ImdsRetried : public SignInFixture, public ::testing::WithParamInterface<int> {};

TEST_P(ImdsRetried, ToSuccess) {
  fault("imds", GetParam(), 2);
  auto a = attributes("Managed Identity");
  a.set("Client Id", kManagedClient);
  a.set("Managed Identity Endpoint", imdsUrl());
  EXPECT_EQ(pipeline_job::makeArmClient(a, deps())->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(emulator->requestsServed("imds"), 3u);
  EXPECT_EQ(emulator->tokensIssued(kManagedClient), 1u);
}
INSTANTIATE_TEST_SUITE_P(SignIn, ImdsRetried, ::testing::Values(404, 429, 500, 502, 504));

TEST_F(SignInFixture, ImdsDoesNotRetryOther4xx) {
  fault("imds", 403, 1);
  auto a = attributes("Managed Identity");
  a.set("Client Id", kManagedClient);
  a.set("Managed Identity Endpoint", imdsUrl());
  auto error = errorOf([&] { pipeline_job::makeArmClient(a, deps())->get(workspace(), CallControl()); });
  EXPECT_EQ(error.httpStatus(), 403) << error.what();
  EXPECT_EQ(emulator->requestsServed("imds"), 1u);
}

TEST_F(SignInFixture, ImdsKeepsRetrying410PastMaxRetriesUntilItsBudgetThenStops) {
  auto a = attributes("Managed Identity");
  a.set("Client Id", kManagedClient);
  a.set("Managed Identity Endpoint", imdsUrl());
  auto d = deps();
  d.managedIdentityRetry->maxRetries = 1;
  d.managedIdentityRetry->maxDelay = std::chrono::milliseconds(5);
  d.managedIdentityRetry->goneBudget = std::chrono::milliseconds(400);
  auto arm = pipeline_job::makeArmClient(a, d);

  fault("imds", 410, -1);  // IMDS restarting, for longer than the budget
  auto error = errorOf([&] { arm->get(workspace(), CallControl()); });
  EXPECT_EQ(error.httpStatus(), 410) << error.what();
  EXPECT_EQ(error.reason(), ErrorReason::Unavailable)
      << error.what();  // IMDS restarting: not bad credentials
  const auto goneAttempts = emulator->requestsServed("imds");
  EXPECT_GT(goneAttempts, 2u);  // beyond maxRetries + 1: the budget, not the count, ended it

  emulator->faults().clear();
  fault("imds", 503, -1);  // the budget is for 410 only
  error = errorOf([&] { arm->get(workspace(), CallControl()); });
  EXPECT_EQ(error.httpStatus(), 503) << error.what();
  EXPECT_EQ(emulator->requestsServed("imds") - goneAttempts, 2u);
}

TEST(ManagedIdentityRetryOptions, AreTheImdsRules) {
  const auto options = identity::managedIdentityRetryOptions();
  for (int status : {404, 410, 429, 500, 502, 503, 504})
    EXPECT_EQ(options.statuses.count(status), 1u) << status;
  for (int status : {400, 401, 403, 408}) EXPECT_EQ(options.statuses.count(status), 0u) << status;
  EXPECT_EQ(options.goneBudget, std::chrono::seconds(70));
  EXPECT_EQ(options.maxRetries, 5);
}

// --- Sovereign clouds: the cloud's scopes, with every endpoint pointed at the emulator -------------------

struct CloudCase {
  std::string cloud, armScope, mlScope, mlResource;
};

void PrintTo(const CloudCase& c, std::ostream* out) { *out << c.cloud; }

class SovereignCloud : public SignInFixture, public ::testing::WithParamInterface<CloudCase> {};

TEST_P(SovereignCloud, RequestsTheCloudsScopesAndHonoursOverrides) {
  const auto& c = GetParam();
  auto a = attributes("Service Principal");
  a.set("Azure Cloud", c.cloud);
  a.set("Tenant Id", emulator->options().tenant);
  a.set("Client Id", kSecretClient);
  a.set("Client Secret", kSecret);
  auto arm = pipeline_job::makeArmClient(a, deps());
  EXPECT_EQ(arm->cloud().cloudName, c.cloud);
  EXPECT_EQ(arm->get(workspace(), CallControl()).status, 200);
  EXPECT_EQ(lastTokenForm()["scope"], c.armScope);
  ArmRequestOptions withMl;
  withMl.attachAzureMlToken = true;
  EXPECT_EQ(arm->get(workspace(), CallControl(), withMl).status, 200);
  EXPECT_EQ(lastTokenForm()["scope"], c.mlScope);
  EXPECT_EQ(emulator->journal().entries("workspace").back().header("x-azureml-token"), "***");  // attached

  // Managed identity asks IMDS for the cloud's ARM resource too.
  auto mi = attributes("Managed Identity");
  mi.set("Azure Cloud", c.cloud);
  mi.set("Client Id", kManagedClient);
  mi.set("Managed Identity Endpoint", imdsUrl());
  EXPECT_EQ(pipeline_job::makeArmClient(mi, deps())->get(workspace(), CallControl()).status, 200);
  const auto query = emulator->journal().entries("imds").back().query;
  std::string decoded;
  Poco::URI::decode(query, decoded);
  EXPECT_NE(decoded.find("resource=" + c.armScope.substr(0, c.armScope.size() - 9)), std::string::npos)
      << decoded;
}
INSTANTIATE_TEST_SUITE_P(
    SignIn, SovereignCloud,
    ::testing::Values(CloudCase{"AzureUSGovernment", "https://management.usgovcloudapi.net/.default",
                                "https://ml.azure.us/.default", "https://ml.azure.us"},
                      CloudCase{"AzureChinaCloud", "https://management.chinacloudapi.cn/.default",
                                "https://ml.azure.cn/.default", "https://ml.azure.cn"}),
    [](const ::testing::TestParamInfo<CloudCase>& param) { return param.param.cloud; });

TEST(SovereignCloudOverrides, AudienceAndStudioHostOverridesTakeEffect) {
  EmulatorOptions options;
  options.mlAudiences = {"https://ml.sovereign.example"};
  options.extraResources = {"https://ml.sovereign.example"};
  Emulator emulator(options);
  emulator.registerClientSecret(options.tenant, kSecretClient, kSecret);
  emulator.start();
  Attributes a{{"Authentication Method", "Service Principal"},
               {"Azure Cloud", "AzureUSGovernment"},
               {"Tenant Id", options.tenant},
               {"Client Id", kSecretClient},
               {"Client Secret", kSecret},
               {"Authority Host", emulator.baseUrl()},
               {"Resource Manager Endpoint", emulator.baseUrl()},
               {"CA Bundle Path", emulator.caCertPath()},
               {"Azure ML Audience", "https://ml.sovereign.example"},
               {"Studio Host", "studio.sovereign.example"}};
  pipeline_job::ArmClientDependencies d;
  d.retry = fastRetry();
  d.environment = envFrom({});
  auto arm = pipeline_job::makeArmClient(a, d);
  EXPECT_EQ(arm->cloud().studioHost, "studio.sovereign.example");
  EXPECT_EQ(arm->cloud().armScope(), "https://management.usgovcloudapi.net/.default");  // not overridden
  ArmRequestOptions withMl;
  withMl.attachAzureMlToken = true;
  EXPECT_EQ(arm->get(emulator.workspaceUrl() + "?api-version=2024-10-01", CallControl(), withMl).status, 200);
  std::set<std::string> scopes;
  for (const auto& entry : emulator.journal().entries("token")) scopes.insert(formOf(entry.body)["scope"]);
  EXPECT_EQ(scopes, (std::set<std::string>{"https://management.usgovcloudapi.net/.default",
                                           "https://ml.sovereign.example/.default"}));
}

// --- An interrupt while signing in returns promptly
// ----------------------------------------------------------

class InterruptedSignInConcurrency : public SignInFixture,
                                     public ::testing::WithParamInterface<std::string> {};

TEST_P(InterruptedSignInConcurrency, ReturnsInterrupted) {
  const std::string route = GetParam();
  Attributes a;
  if (route == "token") {
    a = attributes("Service Principal");
    a.set("Tenant Id", emulator->options().tenant);
    a.set("Client Id", kSecretClient);
    a.set("Client Secret", kSecret);
  } else {
    a = attributes("Managed Identity");
    a.set("Client Id", kManagedClient);
    a.set("Managed Identity Endpoint", imdsUrl());
  }
  auto arm = pipeline_job::makeArmClient(a, deps());
  Fault stall;
  stall.route = route;
  stall.kind = FaultKind::Trickle;
  stall.delayMs = 200;
  stall.chunkBytes = 1;
  stall.count = -1;
  emulator->faults().add(stall);
  CallControl control;
  std::thread interrupter([scope = control.scope] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    scope->abort();
  });
  const auto started = std::chrono::steady_clock::now();
  auto error = errorOf([&] { arm->get(workspace(), control); });
  interrupter.join();
  EXPECT_EQ(error.reason(), ErrorReason::Interrupted) << error.what();
  EXPECT_LT(std::chrono::steady_clock::now() - started,
            std::chrono::seconds(5));  // a hang guard, not a timing claim
  EXPECT_EQ(emulator->requestsServed("workspace"), 0u);
  EXPECT_EQ(emulator->requestsServed(route), 1u);  // not retried after the interrupt
}
INSTANTIATE_TEST_SUITE_P(SignIn, InterruptedSignInConcurrency, ::testing::Values("token", "imds"));
