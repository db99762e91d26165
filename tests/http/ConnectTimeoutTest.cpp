// The connect phase: a server that never completes the TCP handshake (a loopback listener whose accept queue
// is full, so the kernel drops further SYNs — no external network involved) ends the call with the connect
// timeout as a Network error, with the call's deadline as a Timeout, and with an interrupt as Interrupted;
// an interrupt also ends a TLS handshake the server never answers.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "Helpers.h"
#include "http/HttpError.h"
#include "http/HttpTransport.h"

using namespace aifoundry::http;
using namespace armtest;

namespace {

// A loopback listener that is never accepted from, with its one-slot queue filled. Connects to it stay in
// SYN_SENT. `answering` is false when the kernel did not behave so (the tests then skip).
class BlackholeListener {
 public:
  BlackholeListener() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(listener_, 0) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
      return;
    port_ = ntohs(address.sin_port);
    // Fill the accept queue: connects complete until it is full; the first one that does not is the proof.
    for (int i = 0; i < 8 && !full_; ++i) {
      const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
      if (fd < 0) return;
      fillers_.push_back(fd);
      if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) continue;
      pollfd p{fd, POLLOUT, 0};
      full_ = ::poll(&p, 1, 200) == 0;  // still connecting after 200 ms: SYNs are being dropped
    }
  }
  ~BlackholeListener() {
    for (int fd : fillers_) ::close(fd);
    if (listener_ >= 0) ::close(listener_);
  }
  bool full() const { return full_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/token"; }

 private:
  int listener_ = -1;
  int port_ = 0;
  bool full_ = false;
  std::vector<int> fillers_;
};

// A loopback listener that completes TCP handshakes (the kernel does) but never accepts or speaks: a TLS
// client's handshake stalls waiting for the ServerHello.
class SilentListener {
 public:
  SilentListener() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener_ >= 0 && ::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) == 0 &&
        ::listen(listener_, 16) == 0 &&
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      port_ = ntohs(address.sin_port);
  }
  ~SilentListener() {
    if (listener_ >= 0) ::close(listener_);
  }
  std::string httpsUrl() const { return "https://127.0.0.1:" + std::to_string(port_) + "/token"; }
  bool ok() const { return port_ != 0; }

 private:
  int listener_ = -1;
  int port_ = 0;
};

TransportOptions withConnectTimeout(std::chrono::milliseconds timeout) {
  auto options = loopbackOptions();
  options.connectTimeout = timeout;
  return options;
}

}  // namespace

TEST(ConnectTimeout, ANonAnsweringServerIsANetworkErrorNamingTheConnect) {
  BlackholeListener blackhole;
  if (!blackhole.full()) GTEST_SKIP() << "this kernel completed every loopback handshake";
  HttpTransport transport(withConnectTimeout(std::chrono::milliseconds(300)));
  auto error = errorOf([&] { transport.send(get(blackhole.url()), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_NE(std::string(error.what()).find("connecting to 127.0.0.1:"), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("timed out"), std::string::npos) << error.what();
  EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos);
}

TEST(ConnectTimeout, TheCallDeadlineCutsALongerConnectTimeoutShort) {
  BlackholeListener blackhole;
  if (!blackhole.full()) GTEST_SKIP() << "this kernel completed every loopback handshake";
  HttpTransport transport(withConnectTimeout(std::chrono::seconds(60)));
  auto error = errorOf([&] {
    transport.send(get(blackhole.url()), CallControl::withTimeout(std::chrono::milliseconds(300)));
  });
  EXPECT_EQ(error.reason(), ErrorReason::Timeout) << error.what();
}

TEST(ConnectTimeout, AConnectionFailureIsRetriedThenReported) {
  BlackholeListener blackhole;
  if (!blackhole.full()) GTEST_SKIP() << "this kernel completed every loopback handshake";
  LogCapture log;
  auto pipeline =
      plainPipeline(std::make_shared<HttpTransport>(withConnectTimeout(std::chrono::milliseconds(100))),
                    fastRetry(2), log.sink());
  auto error = errorOf([&] { pipeline->send(get(blackhole.url()), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(log.contains("retry 2 in")) << "both retries were attempted";
}

TEST(ConnectTimeoutConcurrency, AnInterruptDuringTheConnectReturnsInterrupted) {
  BlackholeListener blackhole;
  if (!blackhole.full()) GTEST_SKIP() << "this kernel completed every loopback handshake";
  HttpTransport transport(withConnectTimeout(std::chrono::seconds(60)));
  CallControl control;
  std::thread interrupter([scope = control.scope] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    scope->abort();
  });
  const auto started = std::chrono::steady_clock::now();
  auto error = errorOf([&] { transport.send(get(blackhole.url()), control); });
  interrupter.join();
  EXPECT_EQ(error.reason(), ErrorReason::Interrupted) << error.what();
  // A hang guard, not a timing claim: without the interrupt the connect would wait its full 60 s.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST(ConnectTimeoutConcurrency, AnInterruptDuringAStalledTlsHandshakeReturnsInterrupted) {
  SilentListener silent;
  ASSERT_TRUE(silent.ok());
  auto options = withConnectTimeout(std::chrono::seconds(60));
  options.readTimeout = std::chrono::seconds(60);
  HttpTransport transport(options);
  CallControl control;
  std::thread interrupter([scope = control.scope] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    scope->abort();
  });
  const auto started = std::chrono::steady_clock::now();
  auto error = errorOf([&] { transport.send(get(silent.httpsUrl()), control); });
  interrupter.join();
  EXPECT_EQ(error.reason(), ErrorReason::Interrupted) << error.what();
  // A hang guard, not a timing claim: without the interrupt the handshake would wait its 60 s read timeout.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}
