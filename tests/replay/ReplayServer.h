// ReplayServer: a loopback HTTP server (tests/arm's TestServer) that answers the plugin's requests with
// recorded replies. A route is a method and a path suffix (optionally a query fragment); the longest
// matching suffix wins, and a later route replaces an earlier one with the same key. Unmatched requests get
// 404 with an empty body. Every request is kept for the test. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "Recording.h"

namespace armtest {
class TestServer;
}

namespace replay {

struct Reply {
  int status = 200;
  Headers headers;  // sent as given (Content-Type included); framing headers are the server's own
  std::string body;
  bool gzip = false;     // the recording said Content-Encoding: gzip
  bool chunked = false;  // the recording said Transfer-Encoding: chunked
};

// The recorded reply of `exchange`: status, every recorded header except the framing ones (Content-Length,
// Content-Encoding, Transfer-Encoding, Connection: the server frames the body itself, the same way), and
// the body with each `rewrites` pair (from, to) replaced, e.g. a recorded host by the loopback server.
Reply replyOf(const Exchange& exchange,
              const std::vector<std::pair<std::string, std::string>>& rewrites = {});

struct Received {
  std::string method, target, body;  // target: path and query as sent
  Headers headers;
  std::string header(const std::string& name) const;
  std::string path() const { return target.substr(0, target.find('?')); }
};

class ReplayServer {
 public:
  ReplayServer();
  ~ReplayServer();
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;

  // http://127.0.0.1:<port>
  std::string base() const;
  void on(const std::string& method, const std::string& pathSuffix, Reply reply,
          const std::string& queryContains = "");
  std::vector<Received> received() const;
  // The requests of `method` whose path ends with `pathSuffix`.
  std::vector<Received> received(const std::string& method, const std::string& pathSuffix) const;

 private:
  struct Route {
    std::string method, suffix, query;
    Reply reply;
  };
  Reply answer(const Received& request) const;

  mutable std::mutex mutex_;
  std::vector<Route> routes_;
  std::vector<Received> received_;
  std::unique_ptr<armtest::TestServer> server_;
};

}  // namespace replay
