#include "arm/http/ConnectionPool.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>

#include <optional>
#include <type_traits>

#include "arm/http/HttpError.h"
#include "arm/http/SocketAbortGuard.h"

namespace aifoundry::arm {

namespace {

// Poco's reconnect() is protected; exposing it lets the transport connect before sending, with the
// socket registered for interrupts, and never lets Poco silently reconnect a stale session mid-request.
// reconnect() resolves the host and calls the virtual connect(), which Exposed takes over: it makes the
// socket itself so that an interrupt can shut it down while the connect or the TLS handshake is blocked
// (Poco creates its socket inside connect(), out of an interrupt's reach).
template <class Session>
class OpenableConnection final : public Connection {
public:
    template <class... Args>
    explicit OpenableConnection(Args&&... args) : session_(std::forward<Args>(args)...) {
        // The pool decides when an idle session is too old; Poco's own timer would reconnect behind our back.
        session_.setKeepAliveTimeout(Poco::Timespan(24 * 3600, 0));
        session_.setKeepAlive(true);
    }
    Poco::Net::HTTPClientSession& session() override { return session_; }
    void open(InterruptScope& scope, Poco::Timespan connectTimeout) override {
        forgetAbortDescriptor();
        session_.open(scope, connectTimeout);
    }

private:
    struct Exposed : Session {
        using Session::Session;
        void open(InterruptScope& scope, Poco::Timespan connectTimeout) {
            scope_ = &scope;
            connectTimeout_ = connectTimeout;
            try {
                this->reconnect();
            } catch (...) {
                scope_ = nullptr;
                throw;
            }
            scope_ = nullptr;
        }

    protected:
        // What HTTPSession::connect (and HTTPSClientSession::connect, without a proxy or session cache, neither
        // of which we use) do, on a socket an interrupt can reach. The send and receive timeouts are the same
        // value here (the transport sets them so).
        void connect(const Poco::Net::SocketAddress& address) override {
            Poco::Net::StreamSocket tcp(address.family());
            // `tcp` owns the descriptor for as long as the guard lives, so its number cannot be reused meanwhile.
            std::optional<SocketAbortGuard> abortGuard;
            if (scope_) abortGuard.emplace(*scope_, tcp.impl()->sockfd());
            tcp.connect(address, connectTimeout_);
            tcp.setReceiveTimeout(this->getTimeout());
            tcp.setSendTimeout(this->getTimeout());
            tcp.setNoDelay(true);
            if constexpr (std::is_same_v<Session, Poco::Net::HTTPSClientSession>)
                // The context the session was made with lives on its (still unconnected) secure socket.
                this->attachSocket(Poco::Net::SecureStreamSocket::attach(tcp, this->getHost(),
                                                                         Poco::Net::SecureStreamSocket(this->socket()).context()));
            else
                this->attachSocket(tcp);
        }

    private:
        InterruptScope* scope_ = nullptr;
        Poco::Timespan connectTimeout_;
    };
    Exposed session_;
};

constexpr auto kWaitSlice = std::chrono::milliseconds(20);

}  // namespace

Connection::~Connection() { forgetAbortDescriptor(); }

void Connection::forgetAbortDescriptor() {
    if (abortFd_ >= 0) ::close(abortFd_);
    abortFd_ = -1;
    abortFdSource_ = -1;
}

int Connection::abortDescriptor() {
    const int fd = session().socket().impl()->sockfd();
    if (fd < 0) return -1;
    if (abortFd_ >= 0 && abortFdSource_ == fd) return abortFd_;
    forgetAbortDescriptor();
    abortFd_ = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (abortFd_ >= 0) abortFdSource_ = fd;
    return abortFd_;
}

ConnectionLease::ConnectionLease(ConnectionPool& pool, EndpointKey key, std::unique_ptr<Connection> connection,
                                 bool reused)
    : pool_(pool), key_(std::move(key)), connection_(std::move(connection)), reused_(reused) {}

ConnectionLease::~ConnectionLease() {
    pool_.giveBack(key_, std::move(connection_), reusable_);
}

ConnectionPool::ConnectionPool(const TransportOptions& options, Poco::Net::Context::Ptr tlsContext)
    : options_(options), tlsContext_(std::move(tlsContext)) {
    if (options_.maxConnectionsPerHost == 0) options_.maxConnectionsPerHost = 1;
}

ConnectionPool::~ConnectionPool() = default;

bool ConnectionPool::stillUsable(const Idle& idle, std::chrono::steady_clock::time_point now) const {
    if (now - idle.since > options_.idleTimeout) return false;
    auto& session = idle.connection->session();
    if (!session.connected()) return false;
    // A readable idle socket means the server closed it (or sent something unsolicited): not reusable.
    // One poll(2) on the descriptor: Poco's Socket::poll() creates, fills and closes an epoll set for every
    // call (4 system calls on every pooled request).
    pollfd probe{};
    probe.fd = session.socket().impl()->sockfd();
    if (probe.fd < 0) return false;
    probe.events = POLLIN;
    return ::poll(&probe, 1, 0) == 0;
}

std::unique_ptr<ConnectionLease> ConnectionPool::acquire(const EndpointKey& key, const CallControl& control) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        auto& endpoint = endpoints_[key];
        if (!endpoint.idle.empty()) {
            Idle idle = std::move(endpoint.idle.back());
            endpoint.idle.pop_back();
            // Probed outside the lock (it still counts as open: it is ours now). The probe is a system call;
            // made under the lock, every other thread's checkout queued behind it (8 threads polling contended
            // on this mutex on nearly every request, measured with bench/).
            lock.unlock();
            if (stillUsable(idle, std::chrono::steady_clock::now()))
                return std::make_unique<ConnectionLease>(*this, key, std::move(idle.connection), true);
            idle.connection.reset();  // closes the socket, outside the lock
            lock.lock();
            --endpoints_[key].open;
            freed_.notify_one();
            continue;
        }
        if (endpoint.open < options_.maxConnectionsPerHost) {
            ++endpoint.open;
            ++created_;
            lock.unlock();
            try {
                return std::make_unique<ConnectionLease>(*this, key, makeConnection(key), false);
            } catch (...) {
                lock.lock();
                --endpoints_[key].open;
                freed_.notify_one();
                throw;
            }
        }
        if (control.isInterrupted()) throwError(ErrorReason::Interrupted, "interrupted while waiting for a free connection to " + key.host);
        if (control.expired())
            throwError(ErrorReason::Timeout, "the call's deadline passed while waiting for a free connection to " + key.host);
        freed_.wait_for(lock, kWaitSlice);
    }
}

void ConnectionPool::giveBack(const EndpointKey& key, std::unique_ptr<Connection> connection, bool reusable) {
    if (!connection) return;
    std::unique_ptr<Connection> closing;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto& endpoint = endpoints_[key];
        if (reusable) {
            endpoint.idle.push_back(Idle{std::move(connection), std::chrono::steady_clock::now()});
        } else {
            --endpoint.open;
            closing = std::move(connection);
        }
        freed_.notify_one();
    }
    closing.reset();  // closes the socket outside the lock
}

std::unique_ptr<Connection> ConnectionPool::makeConnection(const EndpointKey& key) const {
    if (key.scheme == "https")
        return std::make_unique<OpenableConnection<Poco::Net::HTTPSClientSession>>(key.host, key.port, tlsContext_);
    return std::make_unique<OpenableConnection<Poco::Net::HTTPClientSession>>(key.host, key.port);
}

std::size_t ConnectionPool::openConnections(const EndpointKey& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = endpoints_.find(key);
    return it == endpoints_.end() ? 0 : it->second.open;
}

std::size_t ConnectionPool::idleConnections(const EndpointKey& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = endpoints_.find(key);
    return it == endpoints_.end() ? 0 : it->second.idle.size();
}

std::uint64_t ConnectionPool::connectionsCreated() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return created_;
}

}  // namespace aifoundry::arm
