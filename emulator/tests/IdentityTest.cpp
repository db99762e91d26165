// Certificate assertions, workload-identity federation, IMDS and App Service managed identity.
#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/DigestEngine.h>
#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/RSAKey.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/URI.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <sstream>

#include "EmulatorFixture.h"

namespace azureml_emulator::testing {
namespace {

// A self-signed RSA certificate and the means to sign assertions with it.
struct TestCertificate {
  EVP_PKEY* key = nullptr;
  std::string pem;
  std::string x5t;
  TestCertificate() {
    key = EVP_RSA_gen(2048);
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("test-app"),
                               -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    pem.assign(data, static_cast<size_t>(size));
    BIO_free(bio);
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    Poco::Crypto::DigestEngine sha1("SHA1");
    sha1.update(der, static_cast<size_t>(length));
    OPENSSL_free(der);
    const auto digest = sha1.digest();
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.write(reinterpret_cast<const char*>(digest.data()), static_cast<std::streamsize>(digest.size()));
    encoder.close();
    x5t = out.str();
    X509_free(cert);
  }
  ~TestCertificate() { EVP_PKEY_free(key); }

  std::string assertion(const std::string& clientId, const std::string& audience, int expiresIn = 600,
                        const std::string& thumbprint = "", const std::string& subject = "",
                        int notBeforeIn = 0) const {
    Poco::JWT::Token token;
    token.setType("JWT");
    token.header().set("x5t", thumbprint.empty() ? x5t : thumbprint);
    token.setAudience(audience);
    token.setIssuer(clientId);
    token.setSubject(subject.empty() ? clientId : subject);
    token.setId("jti-1");
    Poco::Timestamp now;
    token.setNotBefore(now + static_cast<Poco::Timestamp::TimeDiff>(notBeforeIn) * 1000000);
    token.setExpiration(now + static_cast<Poco::Timestamp::TimeDiff>(expiresIn) * 1000000);
    Poco::JWT::Signer signer(
        Poco::SharedPtr<Poco::Crypto::RSAKey>(new Poco::Crypto::RSAKey(Poco::Crypto::EVPPKey(key))));
    return signer.sign(token, Poco::JWT::Signer::ALGO_RS256);
  }
};

class IdentityTest : public EmulatorTest {
 protected:
  HttpResult assertionRequest(const std::string& clientId, const std::string& assertion) {
    return send(*emulator, "POST", "/" + emulator->options().tenant + "/oauth2/v2.0/token",
                "grant_type=client_credentials&client_id=" + clientId +
                    "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                    "&client_assertion=" +
                    assertion + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default",
                {}, "application/x-www-form-urlencoded");
  }
  std::string errorCode(const HttpResult& r) {
    return std::to_string(r.json()->getArray("error_codes")->getElement<int>(0));
  }
};

TEST_F(IdentityTest, CertificateAssertionSignsIn) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  auto result = assertionRequest("cert-app", cert.assertion("cert-app", emulator->tokenUrl()));
  EXPECT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(emulator->tokensIssued("cert-app"), 1u);
  auto journal = emulator->journal().entries("token");
  ASSERT_FALSE(journal.empty());
  EXPECT_NE(journal.back().body.find("client_assertion=***"), std::string::npos);
}

TEST_F(IdentityTest, AssertionWithTheWrongAudienceIsRefused) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  auto result =
      assertionRequest("cert-app", cert.assertion("cert-app", "https://login.microsoftonline.com/x"));
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(errorCode(result), "700023");
}

TEST_F(IdentityTest, AssertionIssuerMustBeTheClient) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  auto result = assertionRequest("cert-app", cert.assertion("someone-else", emulator->tokenUrl()));
  EXPECT_EQ(errorCode(result), "700021");
}

TEST_F(IdentityTest, ExpiredAssertionIsRefused) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  auto result = assertionRequest("cert-app", cert.assertion("cert-app", emulator->tokenUrl(), -3600));
  EXPECT_EQ(errorCode(result), "700024");
}

TEST_F(IdentityTest, AssertionSubjectMustBeTheClientToo) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  // The right issuer, another subject.
  auto result =
      assertionRequest("cert-app", cert.assertion("cert-app", emulator->tokenUrl(), 600, "", "someone-else"));
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(result.json()->getValue<std::string>("error"), "invalid_client");
  EXPECT_EQ(errorCode(result), "700021");
  EXPECT_EQ(result.json()->getValue<std::string>("error_description").rfind("AADSTS700021:", 0), 0u)
      << result.body;
  EXPECT_EQ(emulator->tokensIssued("cert-app"), 0u);
}

TEST_F(IdentityTest, AssertionNotYetValidIsRefused) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  // nbf ten minutes ahead: far beyond any clock skew Entra allows.
  auto result =
      assertionRequest("cert-app", cert.assertion("cert-app", emulator->tokenUrl(), 3600, "", "", 600));
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(result.json()->getValue<std::string>("error"), "invalid_client");
  EXPECT_EQ(errorCode(result), "700024");
  EXPECT_EQ(result.json()->getValue<std::string>("error_description").rfind("AADSTS700024:", 0), 0u)
      << result.body;
  EXPECT_EQ(emulator->tokensIssued("cert-app"), 0u);
}

TEST_F(IdentityTest, AssertionNotBeforeWithinTheClockSkewIsAccepted) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  // A client clock a little ahead of the server's (the emulator allows a minute, as Entra allows skew).
  auto result =
      assertionRequest("cert-app", cert.assertion("cert-app", emulator->tokenUrl(), 600, "", "", 5));
  EXPECT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(emulator->tokensIssued("cert-app"), 1u);
}

TEST_F(IdentityTest, UnregisteredThumbprintIsRefused) {
  TestCertificate cert;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", cert.pem);
  auto result = assertionRequest("cert-app", cert.assertion("cert-app", emulator->tokenUrl(), 600, "AAAA"));
  EXPECT_EQ(errorCode(result), "700027");
}

TEST_F(IdentityTest, SignatureByAnotherKeyIsRefused) {
  TestCertificate registered, other;
  emulator->registerClientCertificate(emulator->options().tenant, "cert-app", registered.pem);
  // Right thumbprint, wrong key.
  auto result =
      assertionRequest("cert-app", other.assertion("cert-app", emulator->tokenUrl(), 600, registered.x5t));
  EXPECT_EQ(result.status, 401);
  EXPECT_EQ(errorCode(result), "7000274");
}

TEST_F(IdentityTest, FederatedAssertionSignsInWorkloadIdentity) {
  emulator->registerFederatedClient(emulator->options().tenant, "wi-app");
  auto ok = assertionRequest("wi-app", emulator->mintFederatedAssertion("wi-app"));
  EXPECT_EQ(ok.status, 200) << ok.body;
  auto wrong = assertionRequest("wi-app", emulator->mintFederatedAssertion("another-app"));
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(errorCode(wrong), "70021");
}

TEST_F(IdentityTest, ImdsNeedsTheMetadataHeaderAndAnswersNumbersAsStrings) {
  const std::string path = "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=" +
                           std::string("https%3A%2F%2Fmanagement.azure.com%2F");
  auto refused = send(*emulator, "GET", path);
  EXPECT_EQ(refused.status, 400);
  auto result = send(*emulator, "GET", path, "", {{"Metadata", "true"}});
  ASSERT_EQ(result.status, 200) << result.body;
  auto body = result.json();
  EXPECT_TRUE(body->get("expires_in").isString());
  EXPECT_TRUE(body->get("expires_on").isString());
  EXPECT_EQ(body->getValue<std::string>("resource"), "https://management.azure.com/");
  auto job = send(*emulator, "GET", jobUrl("train-pipeline-template"), "",
                  {{"Authorization", "Bearer " + body->getValue<std::string>("access_token")}});
  EXPECT_EQ(job.status, 200) << "an IMDS token for https://management.azure.com/ opens ARM";
}

TEST_F(IdentityTest, ImdsUserAssignedIdentityMustExist) {
  const std::string path =
      "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fml.azure.com";
  EXPECT_EQ(send(*emulator, "GET", path + "&client_id=unknown", "", {{"Metadata", "true"}}).status, 400);
  emulator->registerManagedIdentity("user-assigned-1");
  auto ok = send(*emulator, "GET", path + "&client_id=user-assigned-1", "", {{"Metadata", "true"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.json()->getValue<std::string>("client_id"), "user-assigned-1");
  EXPECT_EQ(emulator->tokensIssued("user-assigned-1"), 1u);
}

TEST_F(IdentityTest, AppServiceNeedsTheIdentityHeader) {
  const std::string path = "/msi/token?api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com";
  EXPECT_EQ(send(*emulator, "GET", path, "", {{"X-IDENTITY-HEADER", "wrong"}}).status, 401);
  auto ok = send(*emulator, "GET", path, "", {{"X-IDENTITY-HEADER", emulator->options().identityHeader}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.json()->get("expires_on").isString());
  auto journal = emulator->journal().entries("appservice");
  EXPECT_EQ(journal.back().header("X-IDENTITY-HEADER"), "***");
}

class TlsTest : public EmulatorTest {
 protected:
  EmulatorOptions makeOptions() override {
    auto options = EmulatorTest::makeOptions();
    options.https = true;
    return options;
  }
};

TEST_F(TlsTest, ServesHttpsTrustedByTheWrittenCa) {
  EXPECT_EQ(emulator->baseUrl().rfind("https://127.0.0.1:", 0), 0u);
  EXPECT_FALSE(emulator->caCertPath().empty());
  auto result = getJob("train-pipeline-template");  // VERIFY_STRICT against the CA file
  EXPECT_EQ(result.status, 200);
}

}  // namespace
}  // namespace azureml_emulator::testing
