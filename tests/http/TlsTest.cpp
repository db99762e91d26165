// HTTPS: verification is on by default, trust comes from the system store or `CA Bundle Path`, host names
// and validity are checked, and each refusal is one line saying what to change. Uses throw-away certificates
// made with the OpenSSL API (GeneratedPki) and an in-test HTTPS server with its own server Context (no
// process-wide SSL state is touched).
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "GeneratedPki.h"
#include "Helpers.h"
#include "http/HttpError.h"
#include "http/HttpTransport.h"

using namespace aifoundry::http;
using namespace armtest;

namespace {

// A CA, a server certificate for localhost/127.0.0.1 and one for another name, both signed by the CA, one
// that expired yesterday, and a self-signed one; made in-process (GeneratedPki), no openssl CLI.
struct TestPki {
  GeneratedPki pki;
  std::string ca, goodCert, goodKey, wrongCert, wrongKey, expiredCert, expiredKey, selfCert, selfKey;
  TestPki() {
    ca = pki.caPath();
    const auto good = pki.issue("good", "DNS:localhost,IP:127.0.0.1");
    const auto wrong = pki.issue("wrong", "IP:10.9.8.7");
    const auto expired = pki.issue("expired", "DNS:localhost,IP:127.0.0.1", -3L * 24 * 3600, -24L * 3600);
    const auto self = pki.selfSigned("self", "DNS:localhost,IP:127.0.0.1");
    goodCert = good.cert, goodKey = good.key, wrongCert = wrong.cert, wrongKey = wrong.key;
    expiredCert = expired.cert, expiredKey = expired.key, selfCert = self.cert, selfKey = self.key;
  }
};

class Ok : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override {
    const std::string body = R"({"tls":true})";
    response.setContentType("application/json");
    response.setContentLength64(static_cast<Poco::Int64>(body.size()));
    response.send() << body;
  }
};
class OkFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Ok;
  }
};

class HttpsServer {
 public:
  HttpsServer(const std::string& cert, const std::string& key) {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, key, cert,
                                                             "", Poco::Net::Context::VERIFY_NONE);
    Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new OkFactory, socket, new Poco::Net::HTTPServerParams);
    server_->start();
  }
  ~HttpsServer() { server_->stopAll(true); }
  std::string url(const std::string& host = "127.0.0.1") const {
    return "https://" + host + ":" + std::to_string(server_->port()) + "/x";
  }
  int connections() const { return server_->totalConnections(); }

 private:
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

TransportOptions trusting(const std::string& bundle) {
  TransportOptions options;
  options.caBundlePath = bundle;
  options.readTimeout = std::chrono::seconds(10);
  return options;
}

}  // namespace

TEST(Tls, ConnectsWhenTheCaBundleTrustsTheServer) {
  TestPki pki;
  HttpsServer server(pki.goodCert, pki.goodKey);
  HttpTransport transport(trusting(pki.ca));
  for (const char* host : {"127.0.0.1", "localhost"}) {
    auto response = transport.send(get(server.url(host)), CallControl());
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, R"({"tls":true})");
  }
}

TEST(Tls, RefusesAServerTheSystemStoreDoesNotTrust) {
  TestPki pki;
  HttpsServer server(pki.goodCert, pki.goodKey);
  HttpTransport transport(trusting(""));
  auto error = errorOf([&] { transport.send(get(server.url()), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Tls) << error.what();
  EXPECT_NE(std::string(error.what()).find("CA Bundle Path"), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos);
}

TEST(Tls, RefusesACertificateForAnotherHostName) {
  TestPki pki;
  HttpsServer server(pki.wrongCert, pki.wrongKey);
  HttpTransport transport(trusting(pki.ca));
  auto error = errorOf([&] { transport.send(get(server.url()), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Tls) << error.what();
}

TEST(Tls, AnUnreadableCaBundleIsASettingsError) {
  auto error = errorOf([] { HttpTransport transport(trusting("/nonexistent/ca.pem")); });
  EXPECT_EQ(error.reason(), ErrorReason::InvalidSettings);
  EXPECT_NE(std::string(error.what()).find("'CA Bundle Path'"), std::string::npos) << error.what();
}

TEST(Tls, KeepsOneConnectionAcrossCalls) {
  TestPki pki;
  HttpsServer server(pki.goodCert, pki.goodKey);
  HttpTransport transport(trusting(pki.ca));
  for (int i = 0; i < 10; ++i) EXPECT_EQ(transport.send(get(server.url()), CallControl()).status, 200);
  EXPECT_EQ(server.connections(), 1);
}

namespace {

// A refusal is one clear line: Tls, no newline, naming the server it refused.
void expectClearTlsRefusal(const HttpError& error, const std::string& mustMention) {
  const std::string what = error.what();
  EXPECT_EQ(error.reason(), ErrorReason::Tls) << what;
  EXPECT_EQ(error.kind(), ErrorKind::Config) << what;
  EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  EXPECT_NE(what.find("127.0.0.1"), std::string::npos) << what;
  EXPECT_NE(what.find(mustMention), std::string::npos) << what;
}

}  // namespace

TEST(Tls, RefusesASelfSignedCertificateByDefault) {
  TestPki pki;
  HttpsServer server(pki.selfCert, pki.selfKey);
  HttpTransport transport(trusting(""));
  expectClearTlsRefusal(errorOf([&] { transport.send(get(server.url()), CallControl()); }), "CA Bundle Path");
}

TEST(Tls, AcceptsASelfSignedCertificateOnlyWhenTheCaBundleIsIt) {
  TestPki pki;
  HttpsServer server(pki.selfCert, pki.selfKey);
  // Another CA in the bundle does not help...
  HttpTransport otherCa(trusting(pki.ca));
  expectClearTlsRefusal(errorOf([&] { otherCa.send(get(server.url()), CallControl()); }), "CA Bundle Path");
  // ...the certificate itself as the bundle does.
  HttpTransport transport(trusting(pki.selfCert));
  EXPECT_EQ(transport.send(get(server.url()), CallControl()).status, 200);
}

TEST(Tls, RefusesAnExpiredCertificateEvenFromTheConfiguredCa) {
  TestPki pki;
  HttpsServer server(pki.expiredCert, pki.expiredKey);
  HttpTransport transport(trusting(pki.ca));
  expectClearTlsRefusal(errorOf([&] { transport.send(get(server.url()), CallControl()); }), "expired");
}

TEST(Tls, RefusesAWrongHostEvenFromTheConfiguredCaAndSaysSo) {
  TestPki pki;
  HttpsServer server(pki.wrongCert, pki.wrongKey);
  HttpTransport transport(trusting(pki.ca));
  expectClearTlsRefusal(errorOf([&] { transport.send(get(server.url()), CallControl()); }), "host");
  // The same server is fine under the name its certificate carries... which 127.0.0.1 is not; a good
  // certificate from the same CA on the same address is accepted, so the refusal was the name.
  HttpsServer good(pki.goodCert, pki.goodKey);
  EXPECT_EQ(transport.send(get(good.url()), CallControl()).status, 200);
}
