// A hostile server that answers sign-in and ARM correctly but lies where it can (docs/reliability.md,
// "Hostile server"): it names other hosts for the token to go to, redirects, quotes the token back in an
// error, asks for absurd Retry-After delays and sends token replies without a usable token. Every test here
// is one such lie and what the plugin does instead of believing it.
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Timestamp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include "Helpers.h"
#include "TestServer.h"
#include "arm/ArmClient.h"
#include "arm/TokenDestinations.h"
#include "http/RetryAfter.h"
#include "identity/CredentialFactory.h"
#include "pipeline_job/ArmClientWiring.h"

using namespace aifoundry;
using namespace aifoundry::arm;
using namespace aifoundry::http;
using namespace armtest;

namespace {

using Request = Poco::Net::HTTPServerRequest;
using Response = Poco::Net::HTTPServerResponse;

// The Authorization and x-azureml-token headers a server saw, in order.
struct SeenHeaders {
  std::mutex mutex;
  std::vector<std::string> authorizations;
  std::vector<std::string> mlTokens;
  void record(const Request& request) {
    std::lock_guard<std::mutex> lock(mutex);
    authorizations.push_back(request.get("Authorization", ""));
    mlTokens.push_back(request.get("x-azureml-token", ""));
  }
};

// An ArmClient signed in through the host's token provider (counted), with `extra` settings on top.
std::shared_ptr<ArmClient> hostTokenClient(const Attributes& attributes, std::atomic<int>& issued,
                                           LogCapture& log,
                                           const std::string& token = "CANARY-opaque-host-token") {
  pipeline_job::ArmClientDependencies deps;
  deps.log = log.sink();
  deps.retry = fastRetry();
  deps.hostTokens = [&issued, token](const std::string&, const std::string&) {
    ++issued;
    return identity::HostToken{token, http::systemUnixNow() + 3600};
  };
  return pipeline_job::makeArmClient(attributes, deps);
}

Attributes loopbackArm(const TestServer& server) {
  return {{"Resource Manager Endpoint", server.url("")}, {"Allow Plain HTTP To Loopback", "true"}};
}

std::string messageOf(const std::function<void()>& call) { return errorOf(call).what(); }

bool allows(const Attributes& attributes, const std::string& url, bool loopback = false) {
  return TokenDestinations(identity::CloudEndpoints::fromAttributes(attributes), loopback).allows(url);
}

}  // namespace

// ---- Where the bearer token may go ----

TEST(HostileTokenDestination, AHostOutsideTheCloudNamedByAReplyGetsNoToken) {
  SeenHeaders seen;
  TestServer arm([&](Request& request, Response& response) {
    seen.record(request);
    reply(response, 200, "{}");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = hostTokenClient(loopbackArm(arm), issued, log);
  // What a lying discovery document or Run History nextLink would name: Azure's host as a prefix only.
  for (const std::string url :
       {"https://eastus.api.azureml.ms.attacker.test/history/v1.0/runs/r",
        "https://attacker.test/history/v1.0/runs/r?$continuationtoken=2",
        "https://evilapi.azureml.ms/history/v1.0/runs/r", "http://eastus.api.azureml.ms/history",
        // Azure's host as user information, behind a backslash, or spelt with an escaped dot.
        "https://eastus.api.azureml.ms@attacker.test/history/v1.0/runs/r",
        "https://eastus.api.azureml.ms\\@attacker.test/history", "https://attacker%2etest/history"}) {
    SCOPED_TRACE(url);
    ArmRequestOptions options;
    options.operation = "read Run History of run 'r'";
    const auto error = errorOf([&] { client->get(url, CallControl(), options); });
    EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings);
    const std::string text = error.what();
    EXPECT_EQ(text.rfind("read Run History of run 'r': refusing to send the access token to '", 0), 0u)
        << text;
    EXPECT_NE(text.find("'Additional Token Hosts'"), std::string::npos) << text;
    EXPECT_EQ(text.find('\n'), std::string::npos);
    // What is no URL at all is said to be so, not blamed on the cloud's host list.
    if (url.find_first_of("@%\\") != std::string::npos) {
      EXPECT_NE(text.find("it is not a URL the plugin follows"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(issued.load(), 0) << "no token is even fetched for a refused host";
  EXPECT_TRUE(seen.authorizations.empty());
  EXPECT_FALSE(log.contains("CANARY-opaque-host-token"));
}

TEST(HostileTokenDestination, TheAzureMlTokenIsNotFetchedForARefusedHost) {
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = hostTokenClient({{"Resource Manager Endpoint", "https://management.azure.com"}}, issued, log);
  ArmRequestOptions options;
  options.attachAzureMlToken = true;
  const auto error = errorOf([&] {
    client->put("https://attacker.test/jobs/x", common::SecretString("{}"), CallControl(), options);
  });
  EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings);
  EXPECT_NE(std::string(error.what()).find("'attacker.test'"), std::string::npos) << error.what();
  EXPECT_EQ(issued.load(), 0);
}

TEST(HostileTokenDestination, LoopbackGetsATokenOnlyWhilePlainHttpToLoopbackIsAllowed) {
  SeenHeaders seen;
  TestServer other([&](Request& request, Response& response) {
    seen.record(request);
    reply(response, 200, "{}");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  // The Resource Manager endpoint is Azure's: a reply naming a loopback address is no Azure host.
  auto client = hostTokenClient({{"Resource Manager Endpoint", "https://management.azure.com"}}, issued, log);
  const std::string text = messageOf([&] { client->get(other.url("/history/v1.0/runs/r"), CallControl()); });
  EXPECT_NE(text.find("refusing to send the access token to '127.0.0.1': it is a loopback address and 'Allow "
                      "Plain HTTP To "
                      "Loopback' is not true"),
            std::string::npos)
      << text;
  EXPECT_EQ(other.requests(), 0);
  EXPECT_EQ(issued.load(), 0);

  // With the emulator switch on, any loopback address may have it (the emulator names itself).
  TestServer arm([&](Request&, Response& response) { reply(response, 200, "{}"); });
  auto emulatorClient = hostTokenClient(loopbackArm(arm), issued, log);
  EXPECT_EQ(emulatorClient->get(other.url("/history/v1.0/runs/r"), CallControl()).status, 200);
  ASSERT_EQ(seen.authorizations.size(), 1u);
  EXPECT_EQ(seen.authorizations[0], "Bearer CANARY-opaque-host-token");
}

TEST(HostileTokenDestination, TheResourceManagerEndpointAndTheCloudsAzureMlHostsAreAllowed) {
  const Attributes publicCloud;
  EXPECT_TRUE(allows(publicCloud, "https://management.azure.com/subscriptions/s"));
  EXPECT_TRUE(allows(publicCloud, "https://MANAGEMENT.azure.com:443/subscriptions/s"));
  EXPECT_FALSE(allows(publicCloud, "https://management.azure.com:8443/subscriptions/s"));
  EXPECT_FALSE(allows(publicCloud, "http://management.azure.com/subscriptions/s"));
  EXPECT_TRUE(allows(publicCloud, "https://eastus2euap.api.azureml.ms/history/v1.0/x"));
  EXPECT_TRUE(allows(publicCloud, "https://eastus2euap.experiments.azureml.net/history/v1.0/x"));
  EXPECT_FALSE(allows(publicCloud, "https://api.azureml.ms.attacker.test/"));
  EXPECT_FALSE(allows(publicCloud, "https://xapi.azureml.ms/"));
  EXPECT_FALSE(allows(publicCloud, "https://chinaeast2.api.ml.azure.cn/"));
  EXPECT_FALSE(allows(publicCloud, "https://127.0.0.1/"));
  EXPECT_TRUE(allows(publicCloud, "http://127.0.0.1:8080/", true));
  EXPECT_FALSE(allows(publicCloud, "not a url"));

  const Attributes china{{"Azure Cloud", "AzureChinaCloud"}};
  EXPECT_TRUE(allows(china, "https://management.chinacloudapi.cn/x"));
  EXPECT_TRUE(allows(china, "https://chinaeast2.api.ml.azure.cn/history/v1.0/x"));
  EXPECT_TRUE(allows(china, "https://chinaeast2.experiments.ml.azure.cn/history/v1.0/x"));
  EXPECT_FALSE(allows(china, "https://eastus.api.azureml.ms/history/v1.0/x"));
  const Attributes usGov{{"Azure Cloud", "AzureUSGovernment"}};
  EXPECT_TRUE(allows(usGov, "https://usgovarizona.api.ml.azure.us/history/v1.0/x"));
  EXPECT_TRUE(allows(usGov, "https://management.usgovcloudapi.net/x"));
  EXPECT_FALSE(allows(usGov, "https://management.azure.com/x"));

  // An overridden Resource Manager endpoint replaces the cloud's (scheme, host and port).
  const Attributes privateLink{{"Resource Manager Endpoint", "https://arm.contoso.test:8443"}};
  EXPECT_TRUE(allows(privateLink, "https://arm.contoso.test:8443/subscriptions/s"));
  EXPECT_FALSE(allows(privateLink, "https://arm.contoso.test/subscriptions/s"));
  EXPECT_FALSE(allows(privateLink, "https://management.azure.com/subscriptions/s"));
}

TEST(HostileTokenDestination, AdditionalTokenHostsAddHostsAndRefuseAnythingElse) {
  const Attributes extra{{"Additional Token Hosts", "ml.contoso.test, *.api.contoso.test .exp.contoso.test"}};
  EXPECT_TRUE(allows(extra, "https://ml.contoso.test/history"));
  EXPECT_FALSE(allows(extra, "https://x.ml.contoso.test/history"));
  EXPECT_TRUE(allows(extra, "https://eastus.api.contoso.test/history"));
  EXPECT_FALSE(allows(extra, "https://api.contoso.test/history"));
  EXPECT_TRUE(allows(extra, "https://a.exp.CONTOSO.test/history"));
  EXPECT_FALSE(allows(extra, "http://ml.contoso.test/history"));
  EXPECT_TRUE(allows(extra, "https://eastus.api.azureml.ms/history")) << "added to the cloud's, not instead";
  for (const std::string bad : {"https://ml.contoso.test", "ml.contoso.test/x", "*", ".", ".com", "*.net",
                                "a..b", "host:443", "a b\x1b"}) {
    SCOPED_TRACE(bad);
    const auto error = errorOf([&] {
      identity::CloudEndpoints::fromAttributes({{"Additional Token Hosts", bad}});
    });
    EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings);
    EXPECT_NE(std::string(error.what()).find("'Additional Token Hosts'"), std::string::npos) << error.what();
  }
}

// The discovery document is read as Azure's SDK reads it: without a token, so a lying discoveryUrl gets none.
TEST(HostileTokenDestination, AnAnonymousRequestCarriesNoToken) {
  SeenHeaders seen;
  TestServer discovery([&](Request& request, Response& response) {
    seen.record(request);
    reply(response, 200, R"({"api":"https://eastus.api.azureml.ms"})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = hostTokenClient(loopbackArm(discovery), issued, log);
  ArmRequestOptions options;
  options.anonymous = true;
  EXPECT_EQ(client->get(discovery.url("/discovery"), CallControl(), options).status, 200);
  ASSERT_EQ(seen.authorizations.size(), 1u);
  EXPECT_EQ(seen.authorizations[0], "");
  EXPECT_EQ(issued.load(), 0);
}

// ---- Redirects, Location and Azure-AsyncOperation are never followed ----

class HostileRedirect : public ::testing::TestWithParam<int> {};

TEST_P(HostileRedirect, IsNotFollowedAndTheTokenGoesNowhereElse) {
  SeenHeaders elsewhere;
  TestServer other([&](Request& request, Response& response) {
    elsewhere.record(request);
    reply(response, 200, "{}");
  });
  const int status = GetParam();
  TestServer arm([&](Request&, Response& response) {
    response.set("Location", other.url("/stolen"));
    reply(response, status, R"({"error":{"code":"Moved","message":"see Location"}})");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = hostTokenClient(loopbackArm(arm), issued, log);
  const auto error = errorOf([&] { client->get("/subscriptions/s/jobs/j", CallControl()); });
  EXPECT_EQ(error.httpStatus(), status);
  EXPECT_EQ(error.reason(), ErrorReason::Rejected);
  EXPECT_EQ(arm.requests(), 1);
  EXPECT_EQ(other.requests(), 0);
}

INSTANTIATE_TEST_SUITE_P(Statuses, HostileRedirect, ::testing::Values(301, 302, 303, 307, 308));

TEST(HostileAsyncHeaders, LocationAndAzureAsyncOperationOnAPutOrCancelReplyAreNotFollowed) {
  TestServer other([&](Request&, Response& response) { reply(response, 200, R"({"status":"Succeeded"})"); });
  TestServer arm([&](Request& request, Response& response) {
    readBody(request);
    response.set("Location", other.url("/operationResults/1"));
    response.set("Azure-AsyncOperation", other.url("/operationStatuses/1"));
    if (request.getMethod() == "PUT")
      return reply(response, 201, R"({"name":"run-1","properties":{"status":"NotStarted"}})");
    reply(response, 202, "");
  });
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = hostTokenClient(loopbackArm(arm), issued, log);
  ArmRequestOptions options;
  options.idempotent = true;
  options.attachAzureMlToken = true;
  EXPECT_EQ(
      client->put("/subscriptions/s/jobs/run-1", common::SecretString("{}"), CallControl(), options).status,
      201);
  EXPECT_EQ(client->post("/subscriptions/s/jobs/run-1/cancel", common::SecretString(), CallControl()).status,
            202);
  EXPECT_EQ(arm.requests(), 2);
  EXPECT_EQ(other.requests(), 0);
}

// ---- A token quoted back in an error body is never printed ----

namespace {

constexpr const char* kOpaqueToken = "opaque0123456789abcdef-not-a-jwt";

// Entra that issues an opaque token, and ARM that refuses it by quoting it back.
struct EchoingAzure {
  std::atomic<int> signIns{0};
  TestServer server{[this](Request& request, Response& response) {
    readBody(request);
    if (request.getURI().find("/oauth2/v2.0/token") != std::string::npos) {
      ++signIns;
      return reply(
          response, 200,
          std::string(R"({"token_type":"Bearer","expires_in":3599,"access_token":")") + kOpaqueToken + "\"}");
    }
    const std::string quoted = request.get("Authorization", "").substr(7);  // after "Bearer "
    const int status = request.getURI().find("/bad-request") != std::string::npos ? 400 : 401;
    reply(response, status,
          R"({"error":{"code":"InvalidAuthenticationToken","message":"The access token ')" + quoted +
              R"(' is invalid."}})");
  }};
};

}  // namespace

TEST(HostileTokenEcho, AClientSecretSignInsOpaqueTokenQuotedInAnErrorIsNeverPrinted) {
  EchoingAzure azure;
  LogCapture log;
  pipeline_job::ArmClientDependencies deps;
  deps.log = log.sink();
  deps.retry = fastRetry();
  deps.environment = [](const std::string&) { return std::optional<std::string>(); };
  auto client = pipeline_job::makeArmClient({{"Resource Manager Endpoint", azure.server.url("")},
                                             {"Authority Host", azure.server.url("")},
                                             {"Allow Plain HTTP To Loopback", "true"},
                                             {"Authentication Method", "Service Principal"},
                                             {"Tenant Id", "11111111-2222-3333-4444-555555555555"},
                                             {"Client Id", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"},
                                             {"Client Secret", "CANARY-client-secret"}},
                                            deps);
  for (const std::string path : {"/subscriptions/s/unauthorized", "/subscriptions/s/bad-request"}) {
    SCOPED_TRACE(path);
    const auto error = errorOf([&] { client->get(path, CallControl()); });
    const std::string text = error.what();
    EXPECT_EQ(text.find(kOpaqueToken), std::string::npos) << text;
    EXPECT_NE(text.find("The access token '<redacted>' is invalid."), std::string::npos) << text;
  }
  EXPECT_GE(azure.signIns.load(), 1);
  EXPECT_FALSE(log.contains(kOpaqueToken));
  EXPECT_FALSE(log.contains("CANARY-client-secret"));
}

TEST(HostileTokenEcho, AHostSuppliedOpaqueTokenQuotedInAnErrorIsNeverPrinted) {
  EchoingAzure azure;
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = hostTokenClient(loopbackArm(azure.server), issued, log, kOpaqueToken);
  const std::string text = messageOf([&] { client->get("/subscriptions/s/bad-request", CallControl()); });
  EXPECT_EQ(text.find(kOpaqueToken), std::string::npos) << text;
  EXPECT_NE(text.find("HTTP 400 InvalidAuthenticationToken"), std::string::npos) << text;
  EXPECT_FALSE(log.contains(kOpaqueToken));
}

// ---- Retry-After extremes ----

namespace {

HttpHeaders headers(const std::string& name, const std::string& value) {
  HttpHeaders h;
  h.set(name, value);
  return h;
}

std::string httpDate(Poco::Timestamp when) {
  return Poco::DateTimeFormatter::format(when, Poco::DateTimeFormat::HTTP_FORMAT);
}

}  // namespace

TEST(HostileRetryAfter, HugeDelaysAreCappedNeverReadAsZero) {
  using std::chrono::milliseconds;
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "1000000000")), kMaxRetryAfter);
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "99999999999999999999999999")), kMaxRetryAfter);
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "3600")), kMaxRetryAfter);
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "3599")), milliseconds(3'599'000));
  EXPECT_EQ(retryAfterFrom(headers("retry-after-ms", "18446744073709551616")), kMaxRetryAfter);
  EXPECT_EQ(retryAfterFrom(headers("x-ms-retry-after-ms", "86400001")), kMaxRetryAfter);
  EXPECT_EQ(retryAfterFrom(headers("x-ms-retry-after-ms", " 250 ")), milliseconds(250));
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")), kMaxRetryAfter);
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT")), milliseconds(0));
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "Sunday, 06-Nov-94 08:49:37 GMT")),
            milliseconds(0));                                                                      // RFC 850
  EXPECT_EQ(retryAfterFrom(headers("Retry-After", "Sun Nov  6 08:49:37 1994")), milliseconds(0));  // asctime
  const auto soon =
      retryAfterFrom(headers("Retry-After", httpDate(Poco::Timestamp() + 120 * Poco::Timespan::SECONDS)));
  ASSERT_TRUE(soon);
  EXPECT_GT(*soon, milliseconds(100'000));
  EXPECT_LE(*soon, milliseconds(120'000));
}

TEST(HostileRetryAfter, NegativeFractionalAndNonNumericValuesAreIgnored) {
  for (const std::string value :
       {"-5", "-1000000000", "1.5", "1e9", "soon", "", "0x10", "+3", "12abc", "Friday"}) {
    SCOPED_TRACE(value);
    EXPECT_FALSE(retryAfterFrom(headers("Retry-After", value)));
    EXPECT_FALSE(retryAfterFrom(headers("retry-after-ms", value)));
    EXPECT_FALSE(retryAfterFrom(headers("x-ms-retry-after-ms", value)));
  }
  // An ignored millisecond header leaves the decision to the next one.
  HttpHeaders both;
  both.set("retry-after-ms", "-1");
  both.set("Retry-After", "7");
  EXPECT_EQ(retryAfterFrom(both), std::chrono::milliseconds(7000));
}

namespace {

struct ThrottlingArm {
  std::atomic<int> calls{0};
  TestServer server;
  ThrottlingArm(std::string header, std::string value)
      : server([this, header, value](Request&, Response& response) {
          ++calls;
          response.set(header, value);
          reply(response, 429, R"({"error":{"code":"TooManyRequests","message":"slow down"}})");
        }) {}
};

}  // namespace

TEST(HostileRetryAfter, ADelayLongerThanTheCallCanWaitEndsItAsRateLimitedWithTheCappedDelay) {
  for (const auto& [header, value] :
       std::vector<std::pair<std::string, std::string>>{{"Retry-After", "1000000000"},
                                                        {"retry-after-ms", "99999999999999999999"},
                                                        {"x-ms-retry-after-ms", "4000000"},
                                                        {"Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"}}) {
    SCOPED_TRACE(header + ": " + value);
    ThrottlingArm arm(header, value);
    std::atomic<int> issued{0};
    LogCapture log;
    auto client = hostTokenClient(loopbackArm(arm.server), issued, log);
    const auto error = errorOf([&] { client->get("/subscriptions/s/jobs/j", CallControl()); });
    EXPECT_EQ(error.reason(), ErrorReason::RateLimited);
    EXPECT_EQ(error.retryAfter(), kMaxRetryAfter);
    EXPECT_NE(std::string(error.what()).find("(retry after 3600 s)"), std::string::npos) << error.what();
    EXPECT_EQ(arm.calls.load(), 1) << "no immediate retries";
  }
}

TEST(HostileRetryAfter, AnIgnoredDelayFallsBackToOurOwnBackoff) {
  ThrottlingArm arm("Retry-After", "-5");
  std::atomic<int> issued{0};
  LogCapture log;
  auto client = hostTokenClient(loopbackArm(arm.server), issued, log);
  const auto error = errorOf([&] { client->get("/subscriptions/s/jobs/j", CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::RateLimited);
  EXPECT_FALSE(error.retryAfter());
  EXPECT_EQ(arm.calls.load(), 1 + fastRetry().maxRetries);
}

// ---- Token replies without a usable token: the service's fault, retried ----

namespace {

constexpr const char* kTenant = "11111111-2222-3333-4444-555555555555";
constexpr const char* kClient = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

// A token endpoint (Entra, IMDS or App Service alike) that sends `badReplies` malformed 200s, then a token.
struct MalformedIssuer {
  std::atomic<int> calls{0};
  int badReplies;
  std::string badBody;
  TestServer server;
  MalformedIssuer(int bad, std::string body)
      : badReplies(bad), badBody(std::move(body)), server([this](Request& request, Response& response) {
          readBody(request);
          if (calls++ < badReplies) return reply(response, 200, badBody);
          reply(response, 200,
                R"({"token_type":"Bearer","expires_in":3599,"access_token":"good-token-after-retry"})");
        }) {}
};

identity::EnvironmentReader envOf(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

struct CredentialKind {
  const char* name;
  std::function<std::shared_ptr<http::TokenCredential>(const std::string& url, const std::string& tokenFile,
                                                       LogCapture&)>
      make;
};

identity::CredentialDependencies credentialDeps(LogCapture& log, identity::EnvironmentReader env = {}) {
  identity::CredentialDependencies deps;
  deps.transport = std::make_shared<HttpTransport>(loopbackOptions());
  deps.log = log.sink();
  deps.environment = env ? env : envOf({});
  deps.tokenRetry = fastRetry();
  deps.managedIdentityRetry = fastRetry();
  return deps;
}

std::vector<CredentialKind> credentialKinds() {
  return {
      {"ClientSecret",
       [](const std::string& url, const std::string&, LogCapture& log) {
         return identity::CredentialFactory::createUncached({{"Authentication Method", "Service Principal"},
                                                             {"Authority Host", url},
                                                             {"Allow Plain HTTP To Loopback", "true"},
                                                             {"Tenant Id", kTenant},
                                                             {"Client Id", kClient},
                                                             {"Client Secret", "CANARY-secret"}},
                                                            credentialDeps(log));
       }},
      {"WorkloadIdentity",
       [](const std::string& url, const std::string& tokenFile, LogCapture& log) {
         return identity::CredentialFactory::createUncached({{"Authentication Method", "Workload Identity"},
                                                             {"Authority Host", url},
                                                             {"Allow Plain HTTP To Loopback", "true"},
                                                             {"Tenant Id", kTenant},
                                                             {"Client Id", kClient},
                                                             {"Federated Token File", tokenFile}},
                                                            credentialDeps(log));
       }},
      {"ManagedIdentityImds",
       [](const std::string& url, const std::string&, LogCapture& log) {
         return identity::CredentialFactory::createUncached(
             {{"Authentication Method", "Managed Identity"},
              {"Managed Identity Endpoint", url + "/metadata/identity/oauth2/token"},
              {"Allow Plain HTTP To Loopback", "true"}},
             credentialDeps(log));
       }},
      {"ManagedIdentityAppService",
       [](const std::string& url, const std::string&, LogCapture& log) {
         return identity::CredentialFactory::createUncached(
             {{"Authentication Method", "Managed Identity"}},
             credentialDeps(log, envOf({{"IDENTITY_ENDPOINT", url + "/msi/token"},
                                        {"IDENTITY_HEADER", "CANARY-header"}})));
       }},
  };
}

const std::vector<std::string>& malformedTokenReplies() {
  static const std::vector<std::string> replies = {
      R"({"token_type":"Bearer","access_token":"t0k3n-without-expiry"})",
      R"({"token_type":"Bearer","expires_in":1e300,"access_token":"t0k3n-huge-expiry"})",
      R"({"token_type":"Bearer","expires_in":"soon","access_token":"t0k3n-word-expiry"})",
      R"({"token_type":"Bearer","expires_in":3599})",
      R"({"token_type":"Bearer","expires_in":3599,"access_token":""})",
      R"(["not","an","object"])",
  };
  return replies;
}

}  // namespace

class HostileTokenReplyKinds : public ::testing::TestWithParam<std::size_t> {};

TEST_P(HostileTokenReplyKinds, AMalformedReplyIsUnavailableAndRetriedNeverBadCredentials) {
  const CredentialKind kind = credentialKinds()[GetParam()];
  Poco::TemporaryFile file;
  { Poco::FileOutputStream(file.path()) << "federated-assertion"; }
  for (const auto& body : malformedTokenReplies()) {
    SCOPED_TRACE(std::string(kind.name) + ": " + body);
    {
      MalformedIssuer always(1000, body);
      LogCapture log;
      const auto error = errorOf([&] {
        kind.make(always.server.url(""), file.path(), log)
            ->getToken("https://management.azure.com/.default", CallControl());
      });
      EXPECT_EQ(error.reason(), ErrorReason::Unavailable) << error.what();
      EXPECT_EQ(error.kind(), ErrorKind::Retryable);
      EXPECT_EQ(always.calls.load(), 1 + fastRetry().maxRetries) << "retried like a 503";
      EXPECT_EQ(std::string(error.what()).find("t0k3n"), std::string::npos) << error.what();
    }
    MalformedIssuer once(1, body);
    LogCapture log;
    EXPECT_EQ(kind.make(once.server.url(""), file.path(), log)
                  ->getToken("https://management.azure.com/.default", CallControl())
                  .token,
              "good-token-after-retry");
    EXPECT_EQ(once.calls.load(), 2);
  }
}

INSTANTIATE_TEST_SUITE_P(Credentials, HostileTokenReplyKinds, ::testing::Range<std::size_t>(0, 4),
                         [](const ::testing::TestParamInfo<std::size_t>& param) {
                           return credentialKinds()[param.param].name;
                         });
