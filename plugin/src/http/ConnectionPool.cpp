#include "http/ConnectionPool.h"

#include <poll.h>

#include "http/HttpError.h"

namespace aifoundry::http {

namespace {

constexpr auto kWaitSlice = std::chrono::milliseconds(20);

// An idle connection given back less than this long ago is handed out without probing it: a server does not
// close a keep-alive connection within a second of answering on it (Azure's front ends keep them for
// minutes), and if one did, the transport notices before any reply byte and sends again on a new connection.
// At poll rates the probe was one of a request's five system calls (measured with bench/).
constexpr auto kRecentlyUsed = std::chrono::seconds(1);

}  // namespace

ConnectionLease::ConnectionLease(ConnectionPool& pool, EndpointKey key,
                                 std::unique_ptr<Connection> connection, bool reused)
    : pool_(pool), key_(std::move(key)), connection_(std::move(connection)), reused_(reused) {}

ConnectionLease::~ConnectionLease() { pool_.giveBack(key_, std::move(connection_), reusable_); }

ConnectionPool::ConnectionPool(const TransportOptions& options, Poco::Net::Context::Ptr tlsContext)
    : options_(options), tlsContext_(std::move(tlsContext)) {
  if (options_.maxConnectionsPerHost == 0) options_.maxConnectionsPerHost = 1;
}

ConnectionPool::~ConnectionPool() = default;

bool ConnectionPool::stillUsable(const Idle& idle, std::chrono::steady_clock::time_point now) const {
  if (now - idle.since > options_.idleTimeout) return false;
  auto& connection = *idle.connection;
  if (!connection.connected() || !connection.input().empty()) return false;
  if (now - idle.since < kRecentlyUsed) return true;
  // A readable idle socket means the server closed it (or sent something unsolicited): not reusable.
  // One poll(2) on the descriptor: Poco's Socket::poll() creates, fills and closes an epoll set per call.
  pollfd probe{};
  probe.fd = connection.socket().impl()->sockfd();
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
    if (control.isInterrupted())
      throwError(ErrorReason::Interrupted, "interrupted while waiting for a free connection to " + key.host);
    if (control.expired())
      throwError(ErrorReason::Timeout,
                 "the call's deadline passed while waiting for a free connection to " + key.host);
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
  return std::make_unique<Connection>(key, tlsContext_);
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

}  // namespace aifoundry::http
