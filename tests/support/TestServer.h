// TestServer: a small in-test HTTP server on 127.0.0.1:0 whose handler each test scripts.
// Used for transport behaviours that are simplest to provoke by hand (the Azure ML emulator covers the
// Azure-shaped ones). The handler runs on server threads; keep its captured state thread-safe.
#pragma once

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace armtest {

using Handler = std::function<void(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse&)>;

class TestServer {
 public:
  explicit TestServer(Handler handler, int keepAliveMillis = 10000);
  ~TestServer();

  std::string url(const std::string& path = "/") const;
  int connectionsAccepted() const;
  int requests() const { return requests_.load(); }

 private:
  std::shared_ptr<Handler> handler_;
  std::shared_ptr<std::atomic<int>> counter_;
  std::atomic<int>& requests_;
  // The server's own threads, joined by the destructor: a handler still sleeping when its test ends must
  // not outlive the server (at process exit it would run on Poco's destroyed static allocators; TSan).
  std::unique_ptr<Poco::ThreadPool> threads_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

// Ends the connection without an answer (the client sees it closed before or during the reply).
void dropConnection(Poco::Net::HTTPServerRequest& request);
// Sends `status` with a JSON body.
void reply(Poco::Net::HTTPServerResponse& response, int status, const std::string& body,
           const std::string& contentType = "application/json");
std::string readBody(Poco::Net::HTTPServerRequest& request);

}  // namespace armtest
