#include "http/Connection.h"

#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <fcntl.h>
#include <unistd.h>

#include <optional>

#include "http/SigpipeGuard.h"
#include "http/SocketAbortGuard.h"

namespace aifoundry::http {

Connection::Connection(EndpointKey endpoint, Poco::Net::Context::Ptr tlsContext)
    : endpoint_(std::move(endpoint)), tlsContext_(std::move(tlsContext)) {}

Connection::~Connection() {
  forgetAbortDescriptor();
  if (connected_ && endpoint_.scheme == "https") {
    // Closing a TLS socket sends close_notify with write(2): to a peer that reset the connection, that
    // raises SIGPIPE.
    const SigpipeGuard quiet(true);
    socket_.close();
  }
}

void Connection::forgetAbortDescriptor() {
  if (abortFd_ >= 0) ::close(abortFd_);
  abortFd_ = -1;
}

void Connection::open(InterruptScope& scope, Poco::Timespan connectTimeout, Poco::Timespan ioTimeout) {
  forgetAbortDescriptor();
  connected_ = false;
  input_.clear();
  socketTimeout.reset();
  // Resolves as Poco's HTTP session does (an IP literal as is, else the resolver's first address).
  const Poco::Net::SocketAddress address(endpoint_.host, endpoint_.port);
  std::optional<SigpipeGuard> quiet;  // the handshake writes with write(2) (see SigpipeGuard); outlives `tcp`
  if (endpoint_.scheme == "https") quiet.emplace();
  Poco::Net::StreamSocket tcp(address.family());
  {
    // `tcp` owns the descriptor for as long as the guard lives, so its number cannot be reused meanwhile.
    SocketAbortGuard abortGuard(scope, tcp.impl()->sockfd());
    tcp.connect(address, connectTimeout);
    tcp.setReceiveTimeout(ioTimeout);
    tcp.setSendTimeout(ioTimeout);
    tcp.setNoDelay(true);
    if (endpoint_.scheme == "https")
      // attach() shakes hands at once and checks the certificate's chain and its host name.
      socket_ = Poco::Net::SecureStreamSocket::attach(tcp, endpoint_.host, tlsContext_);
    else
      socket_ = tcp;
  }
  socketTimeout = ioTimeout;
  connected_ = true;
}

int Connection::abortDescriptor() {
  if (!connected_) return -1;
  if (abortFd_ < 0) abortFd_ = ::fcntl(socket_.impl()->sockfd(), F_DUPFD_CLOEXEC, 0);
  return abortFd_;
}

}  // namespace aifoundry::http
