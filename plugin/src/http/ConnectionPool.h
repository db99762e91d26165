// ConnectionPool: keep-alive HTTP(S) connections per (scheme, host, port), shared by every thread of a
// transport.
//
// At most `maxConnectionsPerHost` connections exist per endpoint (idle + leased); a caller past that waits
// for a free one (honouring its CallControl). Idle connections older than `idleTimeout`, or whose peer has
// closed them, are dropped at checkout. A ConnectionLease owns one connection while a request uses it;
// destroying the lease returns it to the pool only when markReusable() was called, otherwise closes it. A
// connection handed out may still be unconnected (new): the transport opens it.
//
// Thread safety: acquire() and lease destruction may happen on any thread. A lease itself is used by one
// thread at a time. The pool must outlive its leases.
#pragma once

#include <Poco/Net/Context.h>

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

#include "http/CallControl.h"
#include "http/Connection.h"
#include "http/InterruptScope.h"
#include "http/TransportOptions.h"

namespace aifoundry::http {

class ConnectionPool;

class ConnectionLease {
 public:
  ConnectionLease(ConnectionPool& pool, EndpointKey key, std::unique_ptr<Connection> connection, bool reused);
  ~ConnectionLease();
  ConnectionLease(const ConnectionLease&) = delete;
  ConnectionLease& operator=(const ConnectionLease&) = delete;

  Connection& connection() { return *connection_; }
  // True when the connection came from the pool (it may have been closed by the server meanwhile).
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

}  // namespace aifoundry::http
