// ConnectionPool: keep-alive HTTP(S) sessions per (scheme, host, port), shared by every thread of a transport.
//
// At most `maxConnectionsPerHost` sessions exist per endpoint (idle + leased); a caller past that waits for a
// free one (honouring its CallControl). Idle sessions older than `idleTimeout`, or whose peer has closed them,
// are dropped at checkout. A ConnectionLease owns one session while a request uses it; destroying the lease
// returns the session to the pool only when markReusable() was called, otherwise closes it.
//
// Thread safety: acquire() and lease destruction may happen on any thread. A lease itself is used by one
// thread at a time. The pool must outlive its leases.
#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "arm/http/CallControl.h"
#include "arm/http/InterruptScope.h"
#include "arm/http/TransportOptions.h"

namespace aifoundry::arm {

struct EndpointKey {
    std::string scheme;  // "http" or "https"
    std::string host;
    std::uint16_t port = 0;
    bool operator<(const EndpointKey& o) const { return std::tie(scheme, host, port) < std::tie(o.scheme, o.host, o.port); }
};

// One HTTP(S) session that can be connected explicitly (Poco connects lazily inside sendRequest, where an
// interrupt could not reach the socket).
class Connection {
public:
    virtual ~Connection();  // closes the abort descriptor
    virtual Poco::Net::HTTPClientSession& session() = 0;
    // Connects (and shakes hands) now, within `connectTimeout` for the TCP connect; an abort of `scope`
    // meanwhile shuts the new socket down, so a server that never answers the SYN or the handshake cannot
    // hold an interrupted call.
    virtual void open(InterruptScope& scope, Poco::Timespan connectTimeout) = 0;

    // A duplicate of the connected socket's descriptor that an interrupt may shut down from another thread
    // (SocketAbortGuard), or -1. It is made once per socket, not per request (fcntl + close were 2 of a
    // pooled request's 8 system calls): open() and a change of the session's descriptor make a new one.
    // The duplicate keeps the socket's number from being reused while it lives, so a shutdown can never hit
    // an unrelated descriptor. Called by the thread that holds the lease.
    int abortDescriptor();

    // The send/receive timeout the connected socket has now, when known: a reused connection skips the two
    // setsockopt() calls when its next request needs the same value (the transport keeps this up to date).
    std::optional<Poco::Timespan> socketTimeout;

protected:
    void forgetAbortDescriptor();  // after open(): the socket is new even if its number is not

private:
    int abortFd_ = -1;
    int abortFdSource_ = -1;  // the session descriptor abortFd_ duplicates
};

class ConnectionPool;

class ConnectionLease {
public:
    ConnectionLease(ConnectionPool& pool, EndpointKey key, std::unique_ptr<Connection> connection, bool reused);
    ~ConnectionLease();
    ConnectionLease(const ConnectionLease&) = delete;
    ConnectionLease& operator=(const ConnectionLease&) = delete;

    Connection& connection() { return *connection_; }
    Poco::Net::HTTPClientSession& session() { return connection_->session(); }
    // True when the session came from the pool (it may have been closed by the server meanwhile).
    bool reused() const { return reused_; }
    void markReusable() { reusable_ = true; }

private:
    ConnectionPool& pool_;
    EndpointKey key_;
    std::unique_ptr<Connection> connection_;
    bool reused_;
    bool reusable_ = false;
};

class ConnectionPool {
public:
    ConnectionPool(const TransportOptions& options, Poco::Net::Context::Ptr tlsContext);
    ~ConnectionPool();

    // Waits for a slot when the endpoint is at its limit; throws HttpError(Interrupted|Timeout) meanwhile.
    std::unique_ptr<ConnectionLease> acquire(const EndpointKey& key, const CallControl& control);

    // Counters for tests and diagnostics.
    std::size_t openConnections(const EndpointKey& key) const;
    std::size_t idleConnections(const EndpointKey& key) const;
    std::uint64_t connectionsCreated() const;

private:
    friend class ConnectionLease;
    struct Idle {
        std::unique_ptr<Connection> connection;
        std::chrono::steady_clock::time_point since;
    };
    struct Endpoint {
        std::size_t open = 0;
        std::vector<Idle> idle;
    };

    void giveBack(const EndpointKey& key, std::unique_ptr<Connection> connection, bool reusable);
    std::unique_ptr<Connection> makeConnection(const EndpointKey& key) const;
    bool stillUsable(const Idle& idle, std::chrono::steady_clock::time_point now) const;

    TransportOptions options_;
    Poco::Net::Context::Ptr tlsContext_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;
    std::map<EndpointKey, Endpoint> endpoints_;
    std::uint64_t created_ = 0;
};

}  // namespace aifoundry::arm
