// ScriptedServer: a raw TCP server on 127.0.0.1:0 for wire-level transport tests. Each accepted connection
// runs the test's script on its own thread with a ScriptedConnection: read a request, write exact bytes
// (malformed, split, trickled or cut short), close. Poco's HTTPServer cannot send such replies, which is
// why the HTTP/1.1 client's framing and keep-alive rules are tested against this one.
//
// Threads: the script runs on one thread per connection; counters are atomic. The destructor stops
// accepting and joins every connection thread, so destroy the client (transport) first: its sockets'
// close ends scripts waiting for another request (a 5 s receive timeout is the safety net).
#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace armtest {

class ScriptedConnection {
 public:
  // `record` sees every request readRequest() returns (the server keeps them for the test).
  ScriptedConnection(Poco::Net::StreamSocket socket, int index,
                     std::function<void(const std::string&)> record);

  // The next request, head and Content-Length body, exactly as received; nullopt when the client closed
  // the connection (or sent nothing for 5 s).
  std::optional<std::string> readRequest();
  // Writes every byte of `bytes`.
  void send(std::string_view bytes);
  // Writes `bytes` `pieceSize` bytes per send with a pause between sends (TCP_NODELAY is on, so each
  // piece leaves as its own segment).
  void sendInPieces(std::string_view bytes, std::size_t pieceSize, std::chrono::milliseconds pause);
  // Answers every request on this connection with `reply` until the client closes it.
  void answerEach(const std::string& reply);
  // Closes the connection now (a FIN; the client sees end of stream).
  void close();

  int index() const { return index_; }  // 0 for the first connection accepted

 private:
  bool receiveMore();
  Poco::Net::StreamSocket socket_;
  int index_;
  std::function<void(const std::string&)> record_;
  std::string pending_;
};

using Script = std::function<void(ScriptedConnection&)>;

class ScriptedServer {
 public:
  explicit ScriptedServer(Script script);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::string url(const std::string& path = "/") const;
  int connectionsAccepted() const { return accepted_.load(); }
  // Every request received so far, in arrival order.
  std::vector<std::string> requests() const;
  // Waits (up to 5 s) until `count` scripts have returned and closed their connections.
  bool waitForFinishedScripts(int count);

 private:
  void acceptLoop();
  void serve(Poco::Net::StreamSocket socket, int index);

  Script script_;
  Poco::Net::ServerSocket listener_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  mutable std::mutex mutex_;
  std::condition_variable finishedChanged_;
  int finished_ = 0;
  std::vector<std::string> requests_;
  std::vector<std::thread> connections_;
  std::thread acceptor_;
};

// A complete HTTP/1.1 200 reply with a Content-Length body (keep-alive unless `extraHeaders` says otherwise).
std::string okReply(const std::string& body, const std::string& extraHeaders = "");

}  // namespace armtest
