// HttpTransport: the last stage of every pipeline; sends ONE attempt of a request over a pooled keep-alive
// connection and reads the reply within the transport's limits.
//
// - Refuses endpoints the settings do not allow (EndpointGuard) before opening anything.
// - HTTPS through our own TLS context (TlsContextFactory), never the process-wide SSLManager defaults.
// - Timeouts: connect and read timeouts from TransportOptions, each shortened to the call's deadline.
// - Interrupt: the socket in use is registered with the call's InterruptScope, so abort() unblocks it.
// - A pooled connection the server closed while idle is replaced transparently: when a reused connection
//   fails before any response byte arrives, the request goes again on a fresh one (not counted as a retry).
// - Any status is returned as a response; only failures to get a complete reply throw HttpError.
//
// Thread safety: send() may be called from many threads at once. Share one transport (shared_ptr) between
// the ARM client and the credentials of one platform connection.
#pragma once

#include <Poco/Net/Context.h>

#include <memory>

#include "http/CallControl.h"
#include "http/ConnectionPool.h"
#include "http/HttpMessage.h"
#include "http/TransportOptions.h"

namespace aifoundry::http {

class HttpTransport {
 public:
  // Throws HttpError(InvalidSettings) when the TLS settings cannot work (unreadable CA bundle).
  explicit HttpTransport(TransportOptions options);
  ~HttpTransport();

  // When request.bodySink is set, a 2xx body goes there as it arrives (other statuses are buffered so
  // their errors can be decoded).
  HttpResponse send(const HttpRequest& request, const CallControl& control);

  const TransportOptions& options() const { return options_; }
  const ConnectionPool& pool() const { return *pool_; }

 private:
  // `url` is the request's parse of its URL; `target` its describeTarget() text (for errors).
  HttpResponse exchange(ConnectionLease& lease, const HttpRequest& request, const Url& url,
                        const std::string& target, const CallControl& control);

  TransportOptions options_;
  Poco::Net::Context::Ptr tlsContext_;
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace aifoundry::http
