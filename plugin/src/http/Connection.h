// Connection: one keep-alive TCP (or TLS over TCP) connection to an endpoint, with its receive buffer and
// a reusable buffer for request heads. The transport speaks HTTP/1.1 over it itself (RequestHead,
// ResponseHead, ResponseBodyReader); the pool owns it between requests.
//
// It is opened explicitly (never lazily inside a send, where an interrupt could not reach the socket):
// open() resolves the host, connects within the connect timeout and, for https, shakes hands with the
// transport's own TLS context, verifying the certificate and the host name; an abort of the call's
// InterruptScope meanwhile shuts the new socket down.
//
// Not synchronised: used by the one thread that holds its lease.
#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

#include "http/BodyInflater.h"
#include "http/InterruptScope.h"
#include "http/SocketInput.h"

namespace aifoundry::http {

struct EndpointKey {
  std::string scheme;  // "http" or "https"
  std::string host;
  std::uint16_t port = 0;
  bool operator<(const EndpointKey& o) const {
    return std::tie(scheme, host, port) < std::tie(o.scheme, o.host, o.port);
  }
};

class Connection {
 public:
  // `tlsContext` is used for https endpoints; it is not connected yet.
  Connection(EndpointKey endpoint, Poco::Net::Context::Ptr tlsContext);
  ~Connection();  // closes the socket and the abort descriptor
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const EndpointKey& endpoint() const { return endpoint_; }
  bool connected() const { return connected_; }

  // Connects (and for https shakes hands) now. `ioTimeout` becomes the socket's send and receive timeout.
  // Throws Poco's exceptions (DNS, connect, timeout, TLS); the transport turns them into HttpError.
  void open(InterruptScope& scope, Poco::Timespan connectTimeout, Poco::Timespan ioTimeout);

  Poco::Net::StreamSocket& socket() { return socket_; }
  SocketInput& input() { return input_; }
  std::string& headBuffer() { return head_; }
  // Where this connection keeps the decoder of its compressed replies: empty until the first one arrives
  // (ResponseBodyReader makes it then), restarted for each one after.
  std::unique_ptr<BodyInflater>& inflaterSlot() { return inflater_; }

  // A duplicate of the connected socket's descriptor that an interrupt may shut down from another thread
  // (SocketAbortGuard), or -1. It is made once per socket, not per request (fcntl + close were 2 of a
  // pooled request's 8 system calls). The duplicate keeps the socket's number from being reused while it
  // lives, so a shutdown can never hit an unrelated descriptor.
  int abortDescriptor();

  // The send/receive timeout the connected socket has now, when known: a reused connection skips the two
  // setsockopt() calls when its next request needs the same value (the transport keeps this up to date).
  std::optional<Poco::Timespan> socketTimeout;

 private:
  void forgetAbortDescriptor();

  EndpointKey endpoint_;
  Poco::Net::Context::Ptr tlsContext_;
  Poco::Net::StreamSocket socket_;
  bool connected_ = false;
  SocketInput input_;
  std::string head_;
  std::unique_ptr<BodyInflater> inflater_;
  int abortFd_ = -1;
};

}  // namespace aifoundry::http
