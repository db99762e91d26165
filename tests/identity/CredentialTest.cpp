// Credentials against an in-test token endpoint: client secret, certificate (PEM, PFX, base64, path,
// thumbprint), workload identity (file re-read), managed identity (IMDS retry rules incl. 410, App Service),
// environment order, the host's provider, and settings validation. No secret in any message or log.
#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/RSAKey.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JWT/Signer.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "Helpers.h"
#include "TestCertificate.h"
#include "TestServer.h"
#include "http/HttpError.h"
#include "identity/CredentialFactory.h"
#include "identity/ManagedIdentityCredential.h"

using namespace aifoundry;
using namespace aifoundry::identity;
using namespace aifoundry::http;
using namespace armtest;

namespace {

constexpr const char* kTenant = "11111111-2222-3333-4444-555555555555";
constexpr const char* kClient = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
constexpr const char* kSecretCanary = "CANARY-secret-9f8e7d6c5b4a";

std::string base64(const std::string& data) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder << data;
  encoder.close();
  return out.str();
}

// A token endpoint that accepts kSecretCanary or an assertion signed by the registered certificate.
struct EntraFixture {
  std::mutex mutex;
  std::vector<std::map<std::string, std::string>> forms;
  std::string certificatePath;  // when set, assertions are verified against it
  std::atomic<int> issued{0};
  TestServer server;

  EntraFixture()
      : server([this](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
          Poco::Net::HTMLForm form(request, request.stream());
          std::map<std::string, std::string> fields(form.begin(), form.end());
          {
            std::lock_guard<std::mutex> lock(mutex);
            forms.push_back(fields);
          }
          if (request.getURI() != std::string("/") + kTenant + "/oauth2/v2.0/token")
            return reply(
                response, 400,
                R"({"error":"invalid_request","error_description":"AADSTS90002: Tenant not found."})");
          bool ok = fields["client_secret"] == kSecretCanary;
          if (fields.count("client_assertion") && !certificatePath.empty())
            ok = verifyAssertion(fields["client_assertion"]);
          if (fields.count("client_assertion") && certificatePath.empty())
            ok = fields["client_assertion"].rfind("federated-", 0) == 0;
          if (!ok)
            return reply(
                response, 401,
                R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: t1","trace_id":"t1"})");
          ++issued;
          reply(response, 200,
                R"({"token_type":"Bearer","expires_in":"3599","access_token":"tok-)" +
                    std::to_string(issued.load()) + R"("})");
        }) {}

  bool verifyAssertion(const std::string& jwt) {
    Poco::Crypto::X509Certificate cert(certificatePath);
    Poco::JWT::Signer verifier(Poco::SharedPtr<Poco::Crypto::RSAKey>(new Poco::Crypto::RSAKey(cert)));
    verifier.addAlgorithm(Poco::JWT::Signer::ALGO_RS256);
    Poco::JWT::Token token;
    if (!verifier.tryVerify(jwt, token)) return false;
    return token.getIssuer() == kClient && token.getSubject() == kClient && !token.getId().empty() &&
           token.header().has("x5t") && token.getAudience().size() == 1 &&
           token.getAudience()[0].find("/oauth2/v2.0/token") != std::string::npos;
  }
  std::string authority() const {
    std::string url = server.url("");
    return url;
  }
  std::map<std::string, std::string> lastForm() {
    std::lock_guard<std::mutex> lock(mutex);
    return forms.empty() ? std::map<std::string, std::string>{} : forms.back();
  }
};

http::Attributes baseAttributes(const std::string& authority) {
  return {{"Authority Host", authority},
          {"Allow Plain HTTP To Loopback", "true"},
          {"Tenant Id", kTenant},
          {"Client Id", kClient}};
}

CredentialDependencies deps(LogCapture& log, EnvironmentReader env = nullptr) {
  CredentialDependencies d;
  d.transport = std::make_shared<http::HttpTransport>(loopbackOptions());
  d.log = log.sink();
  d.environment =
      env ? env : EnvironmentReader([](const std::string&) { return std::optional<std::string>(); });
  d.tokenRetry = fastRetry();
  auto mi = managedIdentityRetryOptions();
  mi.baseDelay = std::chrono::milliseconds(5);
  mi.goneBudget = std::chrono::milliseconds(200);
  d.managedIdentityRetry = mi;
  return d;
}

EnvironmentReader envFrom(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace

TEST(ServicePrincipalConcurrency, ObtainsATokenOnceAndReusesItAcrossThreads) {
  EntraFixture entra;
  LogCapture log;
  auto attributes = baseAttributes(entra.authority());
  attributes.set("Authentication Method", "Service Principal");
  attributes.set("Client Secret", kSecretCanary);
  auto credential = CredentialFactory::create(attributes, deps(log));
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i)
        EXPECT_EQ(credential->getToken("https://management.azure.com/.default", http::CallControl()).token,
                  "tok-1");
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(entra.issued.load(), 1);
  auto form = entra.lastForm();
  EXPECT_EQ(form["grant_type"], "client_credentials");
  EXPECT_EQ(form["client_id"], kClient);
  EXPECT_EQ(form["scope"], "https://management.azure.com/.default");
  EXPECT_FALSE(log.contains(kSecretCanary));
  EXPECT_FALSE(log.contains("tok-1"));
}

TEST(ServicePrincipal, AWrongSecretGivesOneLineWithTheHintAndNoSecret) {
  EntraFixture entra;
  LogCapture log;
  auto attributes = baseAttributes(entra.authority());
  attributes.set("Authentication Method", "Service Principal");
  attributes.set("Client Secret", std::string(kSecretCanary) + "-wrong");
  auto credential = CredentialFactory::create(attributes, deps(log));
  auto error =
      errorOf([&] { credential->getToken("https://management.azure.com/.default", http::CallControl()); });
  const std::string text = error.what();
  EXPECT_EQ(error.reason(), http::ErrorReason::Authentication);
  EXPECT_EQ(error.azureCode(), "AADSTS7000215");
  EXPECT_NE(text.find("the client secret is wrong or expired"), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), std::string::npos);
  EXPECT_EQ(text.find(kSecretCanary), std::string::npos);
  EXPECT_FALSE(log.contains(kSecretCanary));
  EXPECT_EQ(entra.server.requests(), 1);  // 401 from Entra is not retried
}

TEST(ServicePrincipal, MissingSettingsAreNamedWithoutValues) {
  LogCapture log;
  http::Attributes attributes{{"Authentication Method", "Service Principal"},
                              {"Tenant Id", kTenant},
                              {"Client Secret", kSecretCanary}};
  auto error = errorOf([&] { CredentialFactory::create(attributes, deps(log)); });
  EXPECT_EQ(error.reason(), http::ErrorReason::InvalidSettings);
  EXPECT_NE(std::string(error.what()).find("'Client Id'"), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).find(kSecretCanary), std::string::npos);
}

TEST(Factory, RejectsAnUnknownMethodAndAnUnknownCloud) {
  LogCapture log;
  auto error = errorOf([&] {
    CredentialFactory::create({{"Authentication Method", "Password"}}, deps(log));
  });
  EXPECT_NE(std::string(error.what()).find("'Authentication Method' must be one of"), std::string::npos)
      << error.what();
  error = errorOf([&] { CredentialFactory::create({{"Azure Cloud", "Mars"}}, deps(log)); });
  EXPECT_NE(std::string(error.what()).find("'Azure Cloud'"), std::string::npos) << error.what();
}

class CertificateForms : public ::testing::TestWithParam<std::string> {};

TEST_P(CertificateForms, SignInWithAnRs256AssertionCarryingX5t) {
  TestCertificate certificate;
  EntraFixture entra;
  entra.certificatePath = certificate.certPath;
  LogCapture log;
  auto attributes = baseAttributes(entra.authority());
  attributes.set("Authentication Method", "Certificate");
  const std::string form = GetParam();
  if (form == "pem") attributes.set("Certificate", certificate.pem());
  if (form == "pem-base64") attributes.set("Certificate", base64(certificate.pem()));
  if (form == "pem-path") {
    attributes.set("Certificate", certificate.certPath + ".both");
    Poco::FileOutputStream(certificate.certPath + ".both") << certificate.pem();
  }
  if (form == "pfx-path") attributes.set("Certificate", certificate.pfxPath);
  if (form == "pfx-base64") attributes.set("Certificate", base64(slurp(certificate.pfxPath)));
  if (form.rfind("pfx", 0) == 0) attributes.set("Certificate Password", "pfx-pass");
  attributes.set("Thumbprint", certificate.thumbprint());
  auto credential = CredentialFactory::create(attributes, deps(log));
  EXPECT_EQ(credential->getToken("https://management.azure.com/.default", http::CallControl()).token,
            "tok-1");
  auto fields = entra.lastForm();
  EXPECT_EQ(fields["client_assertion_type"], "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  EXPECT_EQ(fields.count("client_secret"), 0u);
}
INSTANTIATE_TEST_SUITE_P(Certificate, CertificateForms,
                         ::testing::Values("pem", "pem-base64", "pem-path", "pfx-path", "pfx-base64"));

TEST(Certificate, AThumbprintMismatchIsASettingsError) {
  TestCertificate certificate;
  LogCapture log;
  auto attributes = baseAttributes("https://login.example");
  attributes.set("Authentication Method", "Certificate");
  attributes.set("Certificate", certificate.pem());
  attributes.set("Thumbprint", "00112233445566778899AABBCCDDEEFF00112233");
  auto error = errorOf([&] { CredentialFactory::create(attributes, deps(log)); });
  EXPECT_EQ(error.reason(), http::ErrorReason::InvalidSettings);
  EXPECT_NE(std::string(error.what()).find("'Thumbprint'"), std::string::npos) << error.what();
}

TEST(Certificate, AWrongPfxPasswordOrGarbageIsASettingsErrorWithoutTheContent) {
  TestCertificate certificate;
  LogCapture log;
  auto attributes = baseAttributes("https://login.example");
  attributes.set("Authentication Method", "Certificate");
  attributes.set("Certificate", certificate.pfxPath);
  attributes.set("Certificate Password", "CANARY-wrong-password");
  auto error = errorOf([&] { CredentialFactory::create(attributes, deps(log)); });
  EXPECT_EQ(error.reason(), http::ErrorReason::InvalidSettings);
  EXPECT_EQ(std::string(error.what()).find("CANARY"), std::string::npos);
  attributes.set("Certificate", "CANARY-not-a-certificate");
  error = errorOf([&] { CredentialFactory::create(attributes, deps(log)); });
  EXPECT_NE(std::string(error.what()).find("'Certificate'"), std::string::npos);
  EXPECT_EQ(std::string(error.what()).find("CANARY"), std::string::npos);
}

TEST(WorkloadIdentity, ReReadsTheTokenFileForEveryTokenRequest) {
  EntraFixture entra;
  LogCapture log;
  Poco::TemporaryFile file;
  { Poco::FileOutputStream(file.path()) << "federated-one"; }
  auto attributes = baseAttributes(entra.authority());
  attributes.set("Authentication Method", "Workload Identity");
  attributes.set("Federated Token File", file.path());
  auto credential = CredentialFactory::createUncached(attributes, deps(log));
  credential->getToken("https://management.azure.com/.default", http::CallControl());
  EXPECT_EQ(entra.lastForm()["client_assertion"], "federated-one");
  { Poco::FileOutputStream(file.path()) << "federated-two"; }
  credential->getToken("https://management.azure.com/.default", http::CallControl());
  EXPECT_EQ(entra.lastForm()["client_assertion"], "federated-two");
}

TEST(WorkloadIdentity, FallsBackToTheAzureVariables) {
  EntraFixture entra;
  LogCapture log;
  Poco::TemporaryFile file;
  { Poco::FileOutputStream(file.path()) << "federated-env"; }
  http::Attributes attributes{{"Authentication Method", "Workload Identity"},
                              {"Allow Plain HTTP To Loopback", "true"}};
  auto env = envFrom({{"AZURE_TENANT_ID", kTenant},
                      {"AZURE_CLIENT_ID", kClient},
                      {"AZURE_FEDERATED_TOKEN_FILE", file.path()},
                      {"AZURE_AUTHORITY_HOST", entra.authority()}});
  auto credential = CredentialFactory::create(attributes, deps(log, env));
  EXPECT_EQ(credential->getToken("https://management.azure.com/.default", http::CallControl()).token,
            "tok-1");
}

TEST(Environment, PrefersTheClientSecretThenCertificateThenWorkloadThenManagedIdentity) {
  LogCapture log;
  http::Attributes attributes{{"Authentication Method", "Environment"},
                              {"Allow Plain HTTP To Loopback", "true"}};
  auto secret = CredentialFactory::createUncached(
      attributes, deps(log, envFrom({{"AZURE_TENANT_ID", kTenant},
                                     {"AZURE_CLIENT_ID", kClient},
                                     {"AZURE_CLIENT_SECRET", "s3cret-value"},
                                     {"AZURE_FEDERATED_TOKEN_FILE", "/nonexistent"}})));
  EXPECT_NE(secret->describe().find("client secret"), std::string::npos) << secret->describe();
  auto workload = CredentialFactory::createUncached(
      attributes, deps(log, envFrom({{"AZURE_TENANT_ID", kTenant},
                                     {"AZURE_CLIENT_ID", kClient},
                                     {"AZURE_FEDERATED_TOKEN_FILE", "/x"}})));
  EXPECT_NE(workload->describe().find("workload identity"), std::string::npos) << workload->describe();
  auto managed =
      CredentialFactory::createUncached(attributes, deps(log, envFrom({{"AZURE_CLIENT_ID", kClient}})));
  EXPECT_NE(managed->describe().find("managed identity"), std::string::npos) << managed->describe();
  EXPECT_NE(managed->describe().find(kClient), std::string::npos);
}

TEST(ManagedIdentity, ImdsRetries410And5xxThenSucceeds) {
  std::atomic<int> calls{0};
  std::mutex mutex;
  std::string query, metadata;
  TestServer imds([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      query = Poco::URI(request.getURI()).getQuery();
      metadata = request.get("Metadata", "");
    }
    const int n = ++calls;
    if (n == 1) return reply(response, 410, R"({"error":"gone"})");
    if (n == 2) return reply(response, 503, R"({"error":"busy"})");
    reply(
        response, 200,
        R"({"access_token":"mi-token","expires_in":"3599","expires_on":"1999999999","resource":"https://management.azure.com"})");
  });
  LogCapture log;
  http::Attributes attributes{{"Authentication Method", "Managed Identity"},
                              {"Client Id", kClient},
                              {"Managed Identity Endpoint", imds.url("/metadata/identity/oauth2/token")},
                              {"Allow Plain HTTP To Loopback", "true"}};
  auto credential = CredentialFactory::create(attributes, deps(log));
  auto token = credential->getToken("https://management.azure.com/.default", http::CallControl());
  EXPECT_EQ(token.token, "mi-token");
  EXPECT_EQ(token.expiresOnUnixS, 1999999999);
  EXPECT_EQ(calls.load(), 3);
  EXPECT_EQ(metadata, "true");
  EXPECT_NE(query.find("api-version=2018-02-01"), std::string::npos);
  EXPECT_NE(query.find("resource=https"), std::string::npos);
  EXPECT_NE(query.find(std::string("client_id=") + kClient), std::string::npos);
}

TEST(ManagedIdentity, ImdsDoesNotRetryOther4xx) {
  std::atomic<int> calls{0};
  TestServer imds([&](Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) {
    ++calls;
    reply(response, 400, R"({"error":"invalid_request","error_description":"Identity not found"})");
  });
  LogCapture log;
  http::Attributes attributes{{"Authentication Method", "Managed Identity"},
                              {"Managed Identity Endpoint", imds.url("/metadata/identity/oauth2/token")},
                              {"Allow Plain HTTP To Loopback", "true"}};
  auto credential = CredentialFactory::create(attributes, deps(log));
  auto error =
      errorOf([&] { credential->getToken("https://management.azure.com/.default", http::CallControl()); });
  EXPECT_EQ(calls.load(), 1);
  EXPECT_NE(std::string(error.what()).find("Identity not found"), std::string::npos) << error.what();
}

TEST(ManagedIdentity, AppServiceUsesIdentityEndpointAndHeader) {
  std::mutex mutex;
  std::string header, query;
  TestServer msi([&](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      header = request.get("X-IDENTITY-HEADER", "");
      query = Poco::URI(request.getURI()).getQuery();
    }
    reply(
        response, 200,
        R"({"access_token":"as-token","expires_on":"1999999999","resource":"https://management.azure.com"})");
  });
  LogCapture log;
  auto env =
      envFrom({{"IDENTITY_ENDPOINT", msi.url("/msi/token")}, {"IDENTITY_HEADER", "CANARY-identity-header"}});
  auto credential =
      CredentialFactory::create({{"Authentication Method", "Managed Identity"}}, deps(log, env));
  EXPECT_EQ(credential->getToken("https://management.azure.com/.default", http::CallControl()).token,
            "as-token");
  EXPECT_EQ(header, "CANARY-identity-header");
  EXPECT_NE(query.find("api-version=2019-08-01"), std::string::npos);
  EXPECT_FALSE(log.contains("CANARY"));
}

TEST(HostProvider, AsksTheHostPerScopeAndCachesTheAnswer) {
  std::atomic<int> calls{0};
  LogCapture log;
  auto d = deps(log);
  d.hostTokens = [&](const std::string& scope, const std::string&) {
    ++calls;
    return HostToken{"host-" + scope, systemUnixNow() + 3600};
  };
  auto credential = CredentialFactory::create({}, d);  // the default method
  EXPECT_EQ(credential->getToken("a/.default", http::CallControl()).token, "host-a/.default");
  EXPECT_EQ(credential->getToken("a/.default", http::CallControl()).token, "host-a/.default");
  EXPECT_EQ(credential->getToken("b/.default", http::CallControl()).token, "host-b/.default");
  EXPECT_EQ(calls.load(), 2);
}

TEST(HostProvider, AFailureBecomesAnAuthenticationError) {
  LogCapture log;
  auto d = deps(log);
  d.hostTokens = [](const std::string&, const std::string&) -> HostToken {
    throw std::runtime_error("no principal configured");
  };
  auto credential = CredentialFactory::create({{"Authentication Method", "Polysync Service Principal"}}, d);
  auto error = errorOf([&] { credential->getToken("a/.default", http::CallControl()); });
  EXPECT_EQ(error.reason(), http::ErrorReason::Authentication);
  EXPECT_NE(std::string(error.what()).find("no principal configured"), std::string::npos);
}

TEST(SignInHost, AHostThatDoesNotResolveIsNamedWithTheSettingThatGaveItAndTriedOnce) {
  LogCapture log;
  http::Attributes attributes{{"Authentication Method", "Service Principal"},
                              {"Tenant Id", kTenant},
                              {"Client Id", kClient},
                              {"Client Secret", kSecretCanary},
                              {"Authority Host", "https://login.example.invalid"}};
  auto credential = CredentialFactory::create(attributes, deps(log));
  const auto error =
      errorOf([&] { credential->getToken("https://management.azure.com/.default", http::CallControl()); });
  EXPECT_TRUE(error.unresolvedHost());
  EXPECT_EQ(error.reason(), http::ErrorReason::Network);
  EXPECT_NE(
      std::string(error.what())
          .find("sign-in host 'login.example.invalid' (from setting 'Authority Host') does not resolve"),
      std::string::npos)
      << error.what();
  EXPECT_FALSE(log.contains("; retry ")) << "a name that does not exist is not retried";
  EXPECT_EQ(std::string(error.what()).find(kSecretCanary), std::string::npos);
}

// The job type reads the cloud once and hands it down: the credential signs in where that reading says,
// not where a second reading of the attributes would (here the public cloud, unreachable from a test).
TEST(SignInHost, TheCloudTheCallerReadIsTheOneSignedInTo) {
  EntraFixture entra;
  LogCapture log;
  auto dependencies = deps(log);
  dependencies.cloud = CloudEndpoints::fromAttributes(baseAttributes(entra.authority()));
  http::Attributes attributes{{"Authentication Method", "Service Principal"},
                              {"Tenant Id", kTenant},
                              {"Client Id", kClient},
                              {"Client Secret", kSecretCanary}};
  auto credential = CredentialFactory::create(attributes, dependencies);
  EXPECT_EQ(credential->getToken("https://management.azure.com/.default", http::CallControl()).token,
            "tok-1");
  EXPECT_EQ(entra.issued.load(), 1);
}

TEST(SignInHost, AHostFromTheEnvironmentIsNamedAsSuch) {
  LogCapture log;
  Poco::TemporaryFile file;
  { Poco::FileOutputStream(file.path()) << "federated-env"; }
  http::Attributes attributes{{"Authentication Method", "Workload Identity"}};
  auto env = envFrom({{"AZURE_TENANT_ID", kTenant},
                      {"AZURE_CLIENT_ID", kClient},
                      {"AZURE_FEDERATED_TOKEN_FILE", file.path()},
                      {"AZURE_AUTHORITY_HOST", "https://env.login.invalid/"}});
  auto credential = CredentialFactory::create(attributes, deps(log, env));
  const auto error =
      errorOf([&] { credential->getToken("https://management.azure.com/.default", http::CallControl()); });
  EXPECT_NE(std::string(error.what())
                .find("sign-in host 'env.login.invalid' (from AZURE_AUTHORITY_HOST) does not resolve"),
            std::string::npos)
      << error.what();
}
