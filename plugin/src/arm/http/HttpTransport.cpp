#include "arm/http/HttpTransport.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <openssl/x509_vfy.h>

#include "arm/http/EndpointGuard.h"
#include "arm/http/HttpError.h"
#include "arm/http/Redactor.h"
#include "arm/http/ResponseBodyReader.h"
#include "arm/http/ResponseErrorBuilder.h"
#include "arm/http/SocketAbortGuard.h"
#include "arm/http/TlsContextFactory.h"

namespace aifoundry::arm {

namespace {

// Thrown inside one attempt when a reused connection died before any response byte: safe to send again.
struct StaleConnection {
    HttpError error;
};

Poco::Timespan toTimespan(std::chrono::steady_clock::duration d) {
    return Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
}

std::string why(const Poco::Exception& e) {
    return Redactor::redact(oneLine(e.displayText(), 200));
}

[[noreturn]] void fail(ErrorReason reason, const std::string& text) {
    throwError(reason, text);
}

void checkControl(const CallControl& control, const std::string& target) {
    if (control.isInterrupted()) fail(ErrorReason::Interrupted, target + ": interrupted");
    if (control.expired()) fail(ErrorReason::Timeout, target + ": the call's deadline passed before a reply");
}

std::string hostPort(const Poco::URI& uri) {
    return uri.getHost() + ":" + std::to_string(uri.getPort());
}

// What to say about a refused handshake: the certificate's actual fault and the one thing to change.
std::string tlsRefusal(const Poco::Exception& e, const std::string& host) {
    // Poco checks the host name itself, after OpenSSL accepted the chain; that is its only
    // CertificateValidationException.
    if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&e))
        return "the server's certificate is not issued for '" + host +
               "'; use the host name the certificate names in the endpoint setting";
    const int error = lastCertificateError();
    const std::string detail = " (" + why(e) + (error ? std::string(": ") + X509_verify_cert_error_string(error) : "") + ")";
    switch (error) {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return "the server's certificate has expired" + detail + "; renew it (or check this machine's clock)";
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return "the server's certificate is not valid yet" + detail + "; check this machine's clock";
        case 0:
            return "the handshake was refused" + detail + "; check the endpoint, and 'CA Bundle Path' if the server "
                   "uses a private CA";
        default:
            return "the server's certificate is not trusted" + detail +
                   "; if it comes from a private CA or is self-signed, set 'CA Bundle Path' to that CA's PEM file";
    }
}

// `deadlineBound`: the connect was given the time left before the call's deadline rather than the connect
// timeout, so its timing out is the deadline's (poll() rounds down to whole milliseconds: it gives up a
// moment before the deadline, when expired() is not yet true).
[[noreturn]] void failConnect(const Poco::Exception& e, const Poco::URI& uri, const std::string& target,
                              const CallControl& control, bool deadlineBound) {
    checkControl(control, target);
    const std::string where = hostPort(uri);
    if (deadlineBound && dynamic_cast<const Poco::TimeoutException*>(&e))
        fail(ErrorReason::Timeout, target + ": the call's deadline passed while connecting to " + where);
    if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&e) ||
        dynamic_cast<const Poco::Net::SSLException*>(&e))
        fail(ErrorReason::Tls, target + ": TLS with " + where + " failed: " + tlsRefusal(e, uri.getHost()));
    if (dynamic_cast<const Poco::TimeoutException*>(&e))
        fail(ErrorReason::Network, target + ": connecting to " + where + " timed out");
    if (dynamic_cast<const Poco::Net::HostNotFoundException*>(&e) || dynamic_cast<const Poco::Net::NoAddressFoundException*>(&e) ||
        dynamic_cast<const Poco::Net::DNSException*>(&e))
        fail(ErrorReason::Network, target + ": cannot resolve host '" + uri.getHost() + "'; check the endpoint settings and DNS");
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
        if (control.expired()) return HttpError(target + ": the call's deadline passed while waiting for the reply", details);
        return HttpError(target + ": no reply within " +
                             std::to_string(std::chrono::duration_cast<std::chrono::seconds>(options.readTimeout).count()) +
                             " s ('" + settings::kRequestTimeoutSeconds + "')",
                         details);
    }
    details.reason = ErrorReason::Network;
    if (!responseStarted) return HttpError(target + ": the connection closed before any reply (" + why(e) + ")", details);
    return HttpError(target + ": the connection failed while reading the reply (" + why(e) + ")", details);
}

std::string pathAndQuery(const Poco::URI& uri) {
    std::string value = uri.getPathEtc();
    if (value.empty() || value[0] != '/') value = "/" + value;
    return value;
}

}  // namespace

HttpTransport::HttpTransport(TransportOptions options)
    : options_(std::move(options)),
      tlsContext_(makeClientTlsContext(options_.caBundlePath)),
      pool_(std::make_unique<ConnectionPool>(options_, tlsContext_)) {}

HttpTransport::~HttpTransport() = default;

HttpResponse HttpTransport::send(const HttpRequest& request, const CallControl& control) {
    checkEndpoint(request.url, options_, request.platformPlainHttp);
    // Parsed once for the whole exchange: send() and exchange() parsed it four times between them, counting
    // describeTarget() (~4% of a poll's CPU, measured with bench/).
    const Poco::URI uri(request.url);
    const EndpointKey key{Poco::toLower(uri.getScheme()), uri.getHost(), uri.getPort()};
    // What describeTarget() says, from the URI at hand.
    const std::string target = request.method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    // Every idle connection may have been closed by the server (e.g. it restarted): allow one replay each.
    std::size_t replays = 0;
    while (true) {
        checkControl(control, target);
        auto lease = pool_->acquire(key, control);
        try {
            return exchange(*lease, request, uri, target, control);
        } catch (const StaleConnection& stale) {
            if (lease->reused() && replays++ <= options_.maxConnectionsPerHost) continue;
            throw stale.error;
        }
    }
}

HttpResponse HttpTransport::exchange(ConnectionLease& lease, const HttpRequest& request, const Poco::URI& uri,
                                     const std::string& target, const CallControl& control) {
    auto& session = lease.session();
    // Poco 1.11's SecureSocketImpl waits twice before it gives up on a blocked read or write: once in the
    // socket call (SO_RCVTIMEO) and once more in poll() with the same timeout. An HTTPS socket gets half the
    // time, so a stalled server holds a call no longer than its deadline (measured: a 1 s deadline returned
    // after 2 s before this).
    const int waits = uri.getScheme() == "https" ? 2 : 1;
    const auto readTimeout = toTimespan(control.clamp(options_.readTimeout) / waits);
    const auto connectTimeout = control.clamp(options_.connectTimeout);
    session.setTimeout(toTimespan(connectTimeout), readTimeout, readTimeout);
    if (!session.connected()) {
        const bool deadlineBound = connectTimeout < options_.connectTimeout;
        try {
            clearCertificateError();
            lease.connection().open(*control.scope, toTimespan(connectTimeout));
            lease.connection().socketTimeout = readTimeout;  // the session applies its timeouts on connect
        } catch (const Poco::Exception& e) {
            failConnect(e, uri, target, control, deadlineBound);
        }
    } else if (lease.connection().socketTimeout != readTimeout) {
        lease.connection().socketTimeout.reset();  // unknown should a call below throw
        session.socket().setReceiveTimeout(readTimeout);
        session.socket().setSendTimeout(readTimeout);
        lease.connection().socketTimeout = readTimeout;
    }
    SocketAbortGuard abortGuard(*control.scope, lease.connection().abortDescriptor());
    checkControl(control, target);

    Poco::Net::HTTPRequest wire(request.method, pathAndQuery(uri), Poco::Net::HTTPMessage::HTTP_1_1);
    wire.setHost(uri.getHost(), uri.getPort());
    for (const auto& header : request.headers.entries()) wire.add(header.first, header.second);
    if (!request.body.empty() || request.method == "PUT" || request.method == "POST" || request.method == "PATCH")
        wire.setContentLength64(static_cast<Poco::Int64>(request.body.size()));
    wire.setKeepAlive(true);

    bool responseStarted = false;
    try {
        std::ostream& out = session.sendRequest(wire);
        out.exceptions(std::ios::badbit);
        out.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
        out.flush();
        Poco::Net::HTTPResponse reply;
        std::istream& in = session.receiveResponse(reply);
        responseStarted = true;

        HttpResponse response;
        response.status = static_cast<int>(reply.getStatus());
        response.reason = reply.getReason();
        for (const auto& header : reply) response.headers.add(header.first, header.second);
        BodyLimits limits{options_.maxResponseBytes, target, {}};
        if (control.deadline) {
            limits.beforeRead = [&] {
                lease.connection().socketTimeout.reset();  // the receive timeout now differs from the send one
                session.socket().setReceiveTimeout(toTimespan(control.clamp(options_.readTimeout) / waits));
            };
        }
        if (request.bodySink && response.ok())
            streamResponseBody(in, reply, limits, control, request.bodySink);
        else
            response.body = readResponseBody(in, reply, limits, control);
        if (reply.getKeepAlive() && !control.isInterrupted()) lease.markReusable();
        return response;
    } catch (const HttpError&) {
        throw;
    } catch (const Poco::Exception& e) {
        HttpError error = exchangeError(e, responseStarted, target, control, options_);
        if (!responseStarted && lease.reused() && error.reason() == ErrorReason::Network && isConnectionLoss(e))
            throw StaleConnection{error};
        throw error;
    } catch (const std::ios_base::failure&) {
        HttpError::Details details;
        details.reason = control.isInterrupted() ? ErrorReason::Interrupted : ErrorReason::Network;
        throw HttpError(target + ": the connection failed while " + (responseStarted ? "reading the reply" : "sending the request"),
                        details);
    }
}

}  // namespace aifoundry::arm
