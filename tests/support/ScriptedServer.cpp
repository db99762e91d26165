#include "ScriptedServer.h"

#include <Poco/Net/NetException.h>
#include <Poco/Timespan.h>
#include <sys/socket.h>

namespace armtest {

namespace {

constexpr long kSafetyNetSeconds = 5;

// Content-Length of a request head (0 when absent): the transport always writes it in this spelling.
std::size_t contentLength(const std::string& head) {
  const std::string name = "\r\nContent-Length: ";
  const auto at = head.find(name);
  return at == std::string::npos ? 0 : std::stoul(head.substr(at + name.size()));
}

}  // namespace

ScriptedConnection::ScriptedConnection(Poco::Net::StreamSocket socket, int index,
                                       std::function<void(const std::string&)> record)
    : socket_(std::move(socket)), index_(index), record_(std::move(record)) {
  socket_.setNoDelay(true);
  socket_.setReceiveTimeout(Poco::Timespan(kSafetyNetSeconds, 0));
}

bool ScriptedConnection::receiveMore() {
  char buffer[16 * 1024];
  try {
    const int got = socket_.receiveBytes(buffer, sizeof buffer);
    if (got <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(got));
    return true;
  } catch (const Poco::Exception&) {
    return false;  // timeout, reset, or closed by close()
  }
}

std::optional<std::string> ScriptedConnection::readRequest() {
  std::size_t end;
  while ((end = pending_.find("\r\n\r\n")) == std::string::npos)
    if (!receiveMore()) return std::nullopt;
  const std::size_t total = end + 4 + contentLength(pending_.substr(0, end + 2));
  while (pending_.size() < total)
    if (!receiveMore()) return std::nullopt;
  std::string request = pending_.substr(0, total);
  pending_.erase(0, total);
  record_(request);
  return request;
}

void ScriptedConnection::send(std::string_view bytes) {
  try {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const int n =
          socket_.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent), MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  } catch (const Poco::Exception&) {
    // The client went away: the test's assertions on its side say what happened.
  }
}

void ScriptedConnection::sendInPieces(std::string_view bytes, std::size_t pieceSize,
                                      std::chrono::milliseconds pause) {
  for (std::size_t at = 0; at < bytes.size(); at += pieceSize) {
    if (at > 0) std::this_thread::sleep_for(pause);
    send(bytes.substr(at, pieceSize));
  }
}

void ScriptedConnection::answerEach(const std::string& reply) {
  while (readRequest()) send(reply);
}

void ScriptedConnection::close() {
  try {
    socket_.shutdownSend();
  } catch (const Poco::Exception&) {
  }
  socket_.close();
}

ScriptedServer::ScriptedServer(Script script)
    : script_(std::move(script)), listener_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
  acceptor_ = std::thread([this] { acceptLoop(); });
}

ScriptedServer::~ScriptedServer() {
  stopping_ = true;
  acceptor_.join();
  // No lock needed: the acceptor, the only writer of connections_, has ended.
  for (auto& thread : connections_) thread.join();
}

std::string ScriptedServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(listener_.address().port()) + path;
}

std::vector<std::string> ScriptedServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

bool ScriptedServer::waitForFinishedScripts(int count) {
  std::unique_lock<std::mutex> lock(mutex_);
  return finishedChanged_.wait_for(lock, std::chrono::seconds(kSafetyNetSeconds),
                                   [&] { return finished_ >= count; });
}

void ScriptedServer::acceptLoop() {
  // Polls so the destructor can stop it without closing the socket under a blocked accept().
  while (!stopping_) {
    if (!listener_.poll(Poco::Timespan(0, 20 * 1000), Poco::Net::Socket::SELECT_READ)) continue;
    Poco::Net::StreamSocket socket = listener_.acceptConnection();
    const int index = accepted_++;
    connections_.emplace_back([this, socket, index] { serve(socket, index); });
  }
}

void ScriptedServer::serve(Poco::Net::StreamSocket socket, int index) {
  ScriptedConnection connection(socket, index, [this](const std::string& request) {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
  });
  try {
    script_(connection);
  } catch (const std::exception&) {
    // A script's failure shows as the client's error; the server thread must not end the process.
  }
  connection.close();
  std::lock_guard<std::mutex> lock(mutex_);
  ++finished_;
  finishedChanged_.notify_all();
}

std::string okReply(const std::string& body, const std::string& extraHeaders) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

}  // namespace armtest
