// A peer that resets the connection while a large request is being written must cost the call an error,
// never the host process a SIGPIPE (whose default action ends the process; a plugin may not change signal
// dispositions). Plain sockets are written with MSG_NOSIGNAL; TLS records are written by OpenSSL with
// write(2), so the transport blocks SIGPIPE on the calling thread around TLS exchanges (SigpipeGuard).
// This test process keeps SIGPIPE's default action: if one were raised, the test binary would die.
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <memory>
#include <thread>

#include "GeneratedPki.h"
#include "Helpers.h"
#include "http/HttpTransport.h"

using namespace aifoundry::http;
using namespace armtest;

namespace {

// Accepts one connection, reads a little of the request, then resets the connection (SO_LINGER 0).
class ResettingServer {
 public:
  explicit ResettingServer(Poco::Net::ServerSocket socket) : socket_(std::move(socket)) {
    thread_ = std::thread([this] {
      try {
        Poco::Net::StreamSocket peer = socket_.acceptConnection();
        char buffer[4096];
        peer.receiveBytes(buffer, sizeof buffer);
        peer.setLinger(true, 0);
        peer.impl()->close();  // plain close(2) with linger 0: a reset, no TLS close_notify
      } catch (const Poco::Exception&) {
      }
    });
  }
  ~ResettingServer() { thread_.join(); }
  std::uint16_t port() const { return socket_.address().port(); }

 private:
  Poco::Net::ServerSocket socket_;
  std::thread thread_;
};

HttpRequest largePut(const std::string& url) {
  HttpRequest request = get(url);
  request.method = "PUT";
  request.body = aifoundry::common::SecretString(
      std::string(16 * 1024 * 1024, 'x'));  // far more than the socket buffers hold
  return request;
}

// SIGPIPE unblocked on this thread for the test's duration (a shell or CI runner may start us with it
// blocked, which would hide the signal), the previous mask restored after. A SIGPIPE left pending by
// earlier tests of this process while it was blocked is discarded first.
class SigpipeUnblocked {
 public:
  SigpipeUnblocked() {
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    const timespec zero{0, 0};
    while (sigtimedwait(&pipe, nullptr, &zero) == SIGPIPE) {
    }
    pthread_sigmask(SIG_UNBLOCK, &pipe, &previous_);
  }
  ~SigpipeUnblocked() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_{};
};

void expectErrorNotSignal(HttpTransport& transport, const std::string& url) {
  struct sigaction current {};
  ASSERT_EQ(sigaction(SIGPIPE, nullptr, &current), 0);
  ASSERT_EQ(current.sa_handler, SIG_DFL) << "the test needs SIGPIPE's default action to mean anything";
  const SigpipeUnblocked unblocked;
  const HttpError error = errorOf([&] { transport.send(largePut(url), CallControl()); });
  EXPECT_TRUE(error.reason() == ErrorReason::Network || error.reason() == ErrorReason::Tls) << error.what();
  // The thread's signal mask is as it was: SIGPIPE not left blocked.
  sigset_t mask;
  ASSERT_EQ(pthread_sigmask(SIG_SETMASK, nullptr, &mask), 0);
  EXPECT_EQ(sigismember(&mask, SIGPIPE), 0);
}

}  // namespace

TEST(Sigpipe, APlainPeerResettingDuringALargeRequestIsAnErrorNotASignal) {
  ResettingServer server(Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)));
  HttpTransport transport(loopbackOptions());
  expectErrorNotSignal(transport, "http://127.0.0.1:" + std::to_string(server.port()) + "/x");
}

TEST(Sigpipe, ATlsPeerResettingDuringALargeRequestIsAnErrorNotASignal) {
  GeneratedPki pki;
  const auto cert = pki.issue("good", "DNS:localhost,IP:127.0.0.1");
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, cert.key,
                                                           cert.cert, "", Poco::Net::Context::VERIFY_NONE);
  ResettingServer server(
      Poco::Net::SecureServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context));
  TransportOptions options;
  options.caBundlePath = pki.caPath();
  options.readTimeout = std::chrono::seconds(10);
  HttpTransport transport(options);
  expectErrorNotSignal(transport, "https://127.0.0.1:" + std::to_string(server.port()) + "/x");
}
