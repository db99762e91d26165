// HTTPS: verification is on by default, trust comes from the system store or `CA Bundle Path`, host names
// are checked, and each refusal says what to change. Uses a throw-away CA made with the openssl CLI and an
// in-test HTTPS server with its own server Context (no process-wide SSL state is touched).
#include <gtest/gtest.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/TemporaryFile.h>

#include <cstdlib>

#include "Helpers.h"
#include "arm/http/HttpError.h"
#include "arm/http/HttpTransport.h"

using namespace aifoundry::arm;
using namespace armtest;

namespace {

// A CA, a server certificate for localhost/127.0.0.1 and one for another name, both signed by the CA.
struct TestPki {
    Poco::TemporaryFile dir;
    std::string ca, goodCert, goodKey, wrongCert, wrongKey;
    TestPki() {
        dir.createDirectories();
        const std::string d = dir.path();
        ca = d + "/ca.pem";
        goodCert = d + "/good.pem", goodKey = d + "/good.key", wrongCert = d + "/wrong.pem", wrongKey = d + "/wrong.key";
        const std::string q = " 2>/dev/null";
        std::string script =
            "cd " + d + " && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=arm-test-ca" + q +
            " && printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > good.ext"
            " && printf 'subjectAltName=IP:10.9.8.7\\n' > wrong.ext"
            " && openssl req -newkey rsa:2048 -nodes -keyout good.key -out good.csr -subj /CN=localhost" + q +
            " && openssl x509 -req -in good.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out good.pem -days 2 -extfile good.ext" + q +
            " && openssl req -newkey rsa:2048 -nodes -keyout wrong.key -out wrong.csr -subj /CN=10.9.8.7" + q +
            " && openssl x509 -req -in wrong.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out wrong.pem -days 2 -extfile wrong.ext" + q;
        if (std::system(script.c_str()) != 0) throw std::runtime_error("openssl failed");
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
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override { return new Ok; }
};

class HttpsServer {
public:
    HttpsServer(const std::string& cert, const std::string& key) {
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, key, cert, "", Poco::Net::Context::VERIFY_NONE);
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
