#include "http/HttpTransport.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/String.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "common/AsciiText.h"
#include "common/SettingNames.h"
#include "http/EndpointGuard.h"
#include "http/HttpError.h"
#include "http/Redactor.h"
#include "http/RequestHead.h"
#include "http/ResponseBodyReader.h"
#include "http/ResponseErrorBuilder.h"
#include "http/ResponseHead.h"
#include "http/SigpipeGuard.h"
#include "http/SocketAbortGuard.h"
#include "http/TlsContextFactory.h"

namespace aifoundry::http {

namespace {

// Thrown inside one attempt when a reused connection died before any response byte: safe to send again.
struct StaleConnection {
  HttpError error;
};

Poco::Timespan toTimespan(std::chrono::steady_clock::duration d) {
  return Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
}

std::string why(const Poco::Exception& e) { return Redactor::redact(oneLine(e.displayText(), 200)); }

[[noreturn]] void fail(ErrorReason reason, const std::string& text) { throwError(reason, text); }

void checkControl(const CallControl& control, const std::string& target) {
  if (control.isInterrupted()) fail(ErrorReason::Interrupted, target + ": interrupted");
  if (control.expired()) fail(ErrorReason::Timeout, target + ": the call's deadline passed before a reply");
}

std::string hostPort(const Url& url) { return url.host + ":" + std::to_string(url.port); }

// What to say about a refused handshake: the certificate's actual fault and the one thing to change.
std::string tlsRefusal(const Poco::Exception& e, const std::string& host) {
  // Poco checks the host name itself, after OpenSSL accepted the chain; that is its only
  // CertificateValidationException.
  if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&e))
    return "the server's certificate is not issued for '" + host +
           "'; use the host name the certificate names in the endpoint setting";
  const int error = lastCertificateError();
  const std::string detail =
      " (" + why(e) + (error ? std::string(": ") + X509_verify_cert_error_string(error) : "") + ")";
  switch (error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return "the server's certificate has expired" + detail + "; renew it (or check this machine's clock)";
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return "the server's certificate is not valid yet" + detail + "; check this machine's clock";
    case 0:
      return "the handshake was refused" + detail +
             "; check the endpoint, and 'CA Bundle Path' if the server "
             "uses a private CA";
    default:
      return "the server's certificate is not trusted" + detail +
             "; if it comes from a private CA or is self-signed, set 'CA Bundle Path' to that CA's PEM file";
  }
}

// `deadlineBound`: the connect was given the time left before the call's deadline rather than the connect
// timeout, so its timing out is the deadline's (poll() rounds down to whole milliseconds: it gives up a
// moment before the deadline, when expired() is not yet true).
[[noreturn]] void failConnect(const Poco::Exception& e, const Url& url, const std::string& target,
                              const CallControl& control, bool deadlineBound) {
  checkControl(control, target);
  const std::string where = hostPort(url);
  if (deadlineBound && dynamic_cast<const Poco::TimeoutException*>(&e))
    fail(ErrorReason::Timeout, target + ": the call's deadline passed while connecting to " + where);
  if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&e) ||
      dynamic_cast<const Poco::Net::SSLException*>(&e))
    fail(ErrorReason::Tls, target + ": TLS with " + where + " failed: " + tlsRefusal(e, url.host));
  if (dynamic_cast<const Poco::TimeoutException*>(&e))
    fail(ErrorReason::Network, target + ": connecting to " + where + " timed out");
  // The resolver's "no such name" is the answer, not a fault: no retry can change it. A temporary resolver
  // failure (any other DNSException) stays a network failure that may be retried.
  if (dynamic_cast<const Poco::Net::HostNotFoundException*>(&e) ||
      dynamic_cast<const Poco::Net::NoAddressFoundException*>(&e)) {
    HttpError::Details details;
    details.reason = ErrorReason::Network;
    details.unresolvedHost = true;
    throw HttpError(target + ": cannot resolve host '" + url.host +
                        "' (no such name); check the endpoint settings and DNS",
                    details);
  }
  if (dynamic_cast<const Poco::Net::DNSException*>(&e))
    fail(ErrorReason::Network, target + ": cannot resolve host '" + url.host + "' (" + why(e) +
                                   "); check the endpoint settings and DNS");
  fail(ErrorReason::Network, target + ": cannot connect to " + where + " (" + why(e) + ")");
}

bool isConnectionLoss(const Poco::Exception& e) {
  return dynamic_cast<const Poco::Net::NoMessageException*>(&e) ||
         dynamic_cast<const Poco::Net::ConnectionResetException*>(&e) ||
         dynamic_cast<const Poco::Net::ConnectionAbortedException*>(&e) ||
         dynamic_cast<const Poco::Net::SSLConnectionUnexpectedlyClosedException*>(&e) ||
         dynamic_cast<const Poco::Net::NetException*>(&e) || dynamic_cast<const Poco::IOException*>(&e);
}

HttpError exchangeError(const Poco::Exception& e, bool responseStarted, const std::string& target,
                        const CallControl& control, const TransportOptions& options) {
  HttpError::Details details;
  if (control.isInterrupted()) {
    details.reason = ErrorReason::Interrupted;
    return HttpError(target + ": interrupted", details);
  }
  if (dynamic_cast<const Poco::TimeoutException*>(&e)) {
    details.reason = ErrorReason::Timeout;
    if (control.expired())
      return HttpError(target + ": the call's deadline passed while waiting for the reply", details);
    return HttpError(
        target + ": no reply within " +
            std::to_string(std::chrono::duration_cast<std::chrono::seconds>(options.readTimeout).count()) +
            " s ('" + common::settings::kRequestTimeoutSeconds + "')",
        details);
  }
  details.reason = ErrorReason::Network;
  if (!responseStarted)
    return HttpError(target + ": the connection closed before any reply (" + why(e) + ")", details);
  return HttpError(target + ": the connection failed while reading the reply (" + why(e) + ")", details);
}

// Bodies up to this size are sent in the same system call as the head (copied once, with it, into one
// buffer).
constexpr std::size_t kInlineBodyBytes = 64 * 1024;

void sendAll(Poco::Net::StreamSocket& socket, std::string_view bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto chunk = static_cast<int>(std::min<std::size_t>(bytes.size() - sent, 1 << 30));
    // MSG_NOSIGNAL: a peer that closed the connection must give us EPIPE, not kill the host with SIGPIPE.
    const int n = socket.sendBytes(bytes.data() + sent, chunk, MSG_NOSIGNAL);
    if (n <= 0) throw Poco::Net::ConnectionResetException("the connection closed while sending the request");
    sent += static_cast<std::size_t>(n);
  }
}

// Receives until a whole response head has arrived, skipping interim (1xx) responses. `started` turns true
// with the first byte of the reply: before it, a closed reused connection was stale and may be replayed.
// `beforeMore` (optional) runs before every receive but the first, whose timeout the exchange has just set:
// a head that trickles in is then bounded by the call's deadline like a body.
ResponseHead receiveHead(Poco::Net::StreamSocket& socket, SocketInput& input, bool& started,
                         const std::function<void()>& beforeMore) {
  bool first = true;
  while (true) {
    if (!input.empty()) {
      if (auto head = parseResponseHead(input.pending())) {
        input.consume(head->length);
        // We never ask to switch protocols: a 101 is not an answer to our request.
        if (head->status == 101) throw ResponseHeadError("an unrequested protocol switch (101)");
        if (head->status >= 100 && head->status < 200) continue;
        return std::move(*head);
      }
    }
    if (!first && beforeMore) beforeMore();
    first = false;
    if (input.fill(socket) == 0) {
      if (!started) throw Poco::Net::NoMessageException("the server closed the connection without a reply");
      throw Poco::Net::MessageException("the connection closed in the middle of the response head");
    }
    started = true;
  }
}

// HTTP/1.1 keeps the connection unless the server says close; HTTP/1.0 only when it says keep-alive.
bool keepsAlive(const ResponseHead& head) {
  // The Connection field is a comma-separated list of tokens, and may come in several fields.
  bool close = false, keepAlive = false;
  for (const auto& [name, value] : head.headers.entries()) {
    if (!equalsIgnoreCase(name, "Connection")) continue;
    std::size_t from = 0;
    while (from <= value.size()) {
      const auto comma = std::min(value.find(',', from), value.size());
      const auto token = common::ascii::trim(std::string_view(value).substr(from, comma - from));
      close = close || common::ascii::iequals(token, "close");
      keepAlive = keepAlive || common::ascii::iequals(token, "keep-alive");
      from = comma + 1;
    }
  }
  if (close) return false;
  return head.minorVersion >= 1 || keepAlive;
}

// One request on one leased connection, and what it runs under.
struct Exchange {
  Connection& connection;
  const HttpRequest& request;
  const Url& url;
  const std::string& target;  // describeTarget() text, for errors
  const CallControl& control;
  const TransportOptions& options;
};

// RFC 6761 reserves .invalid: such a name never resolves, so it is refused without asking the resolver
// (which could otherwise spend its own timeouts on a name that cannot exist).
bool reservedInvalidName(std::string host) {  // lower case (Url)
  while (!host.empty() && host.back() == '.') host.pop_back();
  const std::string suffix = ".invalid";
  return host == "invalid" || (host.size() > suffix.size() &&
                               host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0);
}

// How long one blocking send or receive may wait: the read timeout, shortened to the call's deadline. Poco
// 1.11's SecureSocketImpl waits twice before it gives up on a blocked read or write: once in the socket call
// (SO_RCVTIMEO) and once more in poll() with the same timeout. An HTTPS socket gets half the time, so a
// stalled server holds a call no longer than its deadline.
Poco::Timespan ioTimeoutFor(const Exchange& x) {
  const int waits = x.url.scheme == "https" ? 2 : 1;
  return toTimespan(x.control.clamp(x.options.readTimeout) / waits);
}

// Resolves, connects and (for https) shakes hands within the connect timeout, shortened to the deadline.
void connect(const Exchange& x, Poco::Timespan ioTimeout) {
  const auto connectTimeout = x.control.clamp(x.options.connectTimeout);
  const bool deadlineBound = connectTimeout < x.options.connectTimeout;
  try {
    if (reservedInvalidName(x.url.host)) throw Poco::Net::HostNotFoundException(x.url.host);
    clearCertificateError();
    x.connection.open(*x.control.scope, toTimespan(connectTimeout), ioTimeout);
  } catch (const Poco::Exception& e) {
    failConnect(e, x.url, x.target, x.control, deadlineBound);
  }
}

// A reused connection keeps its socket timeouts; they are set again only when this request needs others.
void keepIoTimeout(Connection& connection, Poco::Timespan ioTimeout) {
  if (connection.socketTimeout == ioTimeout) return;
  connection.socketTimeout.reset();  // unknown should a call below throw
  connection.socket().setReceiveTimeout(ioTimeout);
  connection.socket().setSendTimeout(ioTimeout);
  connection.socketTimeout = ioTimeout;
}

void sendRequest(const Exchange& x) {
  const HttpRequest& request = x.request;
  const bool framed = !request.body.empty() || request.method == "PUT" || request.method == "POST" ||
                      request.method == "PATCH";
  std::string& head = x.connection.headBuffer();
  formatRequestHead({request.method, x.url.target, x.url.authority()}, request.headers,
                    framed ? std::optional<std::size_t>(request.body.size()) : std::nullopt, head);
  x.connection.input().clear();
  if (request.body.empty()) {
    sendAll(x.connection.socket(), head);
  } else if (request.body.size() <= kInlineBodyBytes) {
    // A small body rides in the head's send: one system call for the request. The joined copy is a
    // SecretString (the body may hold a secret), not the connection's reused head buffer.
    std::string joined;
    joined.reserve(head.size() + request.body.size());
    joined.append(head).append(request.body.view());
    const common::SecretString message = common::SecretString::adopt(std::move(joined));
    sendAll(x.connection.socket(), message.view());
  } else {
    sendAll(x.connection.socket(), head);
    sendAll(x.connection.socket(), request.body.view());
  }
}

struct ReceivedResponse {
  HttpResponse response;
  bool reusable = false;  // the body ended by its framing and both sides keep the connection
};

// Reads the reply's head and body within the size limit and the deadline. `started` turns true with the
// reply's first byte.
ReceivedResponse receiveResponse(const Exchange& x, bool& started) {
  auto& socket = x.connection.socket();
  BodyLimits limits{x.options.maxResponseBytes, x.target, {}};
  if (x.control.deadline) {
    limits.beforeRead = [&x, &socket] {
      checkControl(x.control, x.target);
      x.connection.socketTimeout.reset();  // the receive timeout now differs from the send one
      socket.setReceiveTimeout(ioTimeoutFor(x));
    };
  }
  ResponseHead reply = receiveHead(socket, x.connection.input(), started, limits.beforeRead);

  ReceivedResponse received;
  HttpResponse& response = received.response;
  response.status = reply.status;
  response.reason = std::move(reply.reason);
  const BodySource source{x.connection.input(), socket, reply, x.request.method == "HEAD",
                          &x.connection.inflaterSlot()};
  const bool clean = x.request.bodySink && response.ok()
                         ? streamResponseBody(source, limits, x.control, x.request.bodySink)
                         : readResponseBody(source, limits, x.control, response.body);
  // Decided before the headers move into the response: keepsAlive() reads the Connection field.
  received.reusable = clean && keepsAlive(reply) && !x.control.isInterrupted();
  response.headers = std::move(reply.headers);
  return received;
}

// Called from a catch block: rethrows what went wrong in sending or receiving as one HttpError. A reused
// connection that died before any reply byte becomes StaleConnection (the request goes again on a fresh one).
[[noreturn]] void failExchange(const Exchange& x, bool responseStarted, bool reusedConnection) {
  try {
    throw;
  } catch (const HttpError&) {
    throw;
  } catch (const ResponseHeadError& e) {
    HttpError::Details details;
    details.reason = x.control.isInterrupted() ? ErrorReason::Interrupted : ErrorReason::Network;
    throw HttpError(
        x.target + ": the reply is not valid HTTP (" + e.what() +
            "); check that the endpoint settings name the Azure service, not a proxy or another server",
        details);
  } catch (const Poco::Exception& e) {
    HttpError error = exchangeError(e, responseStarted, x.target, x.control, x.options);
    if (!responseStarted && reusedConnection && error.reason() == ErrorReason::Network && isConnectionLoss(e))
      throw StaleConnection{error};
    throw error;
  }
}

}  // namespace

HttpTransport::HttpTransport(TransportOptions options)
    : options_(std::move(options)),
      tlsContext_(makeClientTlsContext(options_.caBundlePath)),
      pool_(std::make_unique<ConnectionPool>(options_, tlsContext_)) {}

HttpTransport::~HttpTransport() = default;

HttpResponse HttpTransport::send(const HttpRequest& request, const CallControl& control) {
  // The request's one parse of its URL: the same one the token-destination check read.
  const Url& url = checkedEndpoint(request, options_);
  const EndpointKey key{url.scheme, url.host, url.port};
  // What describeTarget() says, from the URL at hand.
  const std::string target = request.method + " " + url.withoutQuery();
  // Every idle connection may have been closed by the server (e.g. it restarted): allow one replay each.
  std::size_t replays = 0;
  while (true) {
    checkControl(control, target);
    auto lease = pool_->acquire(key, control);
    try {
      return exchange(*lease, request, url, target, control);
    } catch (const StaleConnection& stale) {
      if (lease->reused() && replays++ <= options_.maxConnectionsPerHost) continue;
      throw stale.error;
    }
  }
}

HttpResponse HttpTransport::exchange(ConnectionLease& lease, const HttpRequest& request, const Url& url,
                                     const std::string& target, const CallControl& control) {
  const Exchange exchange{lease.connection(), request, url, target, control, options_};
  // OpenSSL writes with write(2), which raises SIGPIPE on a reset connection (see SigpipeGuard).
  std::optional<SigpipeGuard> quiet;
  if (exchange.connection.endpoint().scheme == "https") quiet.emplace();
  const Poco::Timespan ioTimeout = ioTimeoutFor(exchange);
  if (!exchange.connection.connected())
    connect(exchange, ioTimeout);
  else
    keepIoTimeout(exchange.connection, ioTimeout);
  SocketAbortGuard abortGuard(*control.scope, exchange.connection.abortDescriptor());
  checkControl(control, target);

  bool responseStarted = false;
  try {
    sendRequest(exchange);
    ReceivedResponse received = receiveResponse(exchange, responseStarted);
    if (received.reusable) lease.markReusable();
    return std::move(received.response);
  } catch (...) {
    failExchange(exchange, responseStarted, lease.reused());
  }
}

}  // namespace aifoundry::http
