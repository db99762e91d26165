#include "TestServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace armtest {

namespace {

class Dispatch : public Poco::Net::HTTPRequestHandler {
 public:
  Dispatch(std::shared_ptr<Handler> handler, std::shared_ptr<std::atomic<int>> counter)
      : handler_(std::move(handler)), counter_(std::move(counter)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    ++*counter_;
    try {
      (*handler_)(request, response);
    } catch (...) {
    }
  }

 private:
  std::shared_ptr<Handler> handler_;
  std::shared_ptr<std::atomic<int>> counter_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(std::shared_ptr<Handler> handler, std::shared_ptr<std::atomic<int>> counter)
      : handler_(std::move(handler)), counter_(std::move(counter)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Dispatch(handler_, counter_);
  }

 private:
  std::shared_ptr<Handler> handler_;
  std::shared_ptr<std::atomic<int>> counter_;
};

}  // namespace

TestServer::TestServer(Handler handler, int keepAliveMillis)
    : handler_(std::make_shared<Handler>(std::move(handler))),
      counter_(std::make_shared<std::atomic<int>>(0)),
      requests_(*counter_) {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(static_cast<long>(keepAliveMillis) * 1000));
  params->setMaxThreads(32);
  params->setMaxQueued(64);
  threads_ = std::make_unique<Poco::ThreadPool>(2, 32);
  server_ =
      std::make_unique<Poco::Net::HTTPServer>(new Factory(handler_, counter_), *threads_, socket, params);
  server_->start();
}

TestServer::~TestServer() {
  server_->stopAll(true);
  threads_->joinAll();
}

std::string TestServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

int TestServer::connectionsAccepted() const { return server_->totalConnections(); }

void dropConnection(Poco::Net::HTTPServerRequest& request) {
  // shutdown, not close: the server thread still owns the socket object (closing it here races with
  // Poco's connection teardown). The client sees the connection end without a reply.
  static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket().shutdown();
}

void reply(Poco::Net::HTTPServerResponse& response, int status, const std::string& body,
           const std::string& contentType) {
  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType(contentType);
  response.setContentLength64(static_cast<Poco::Int64>(body.size()));
  response.send() << body;
}

std::string readBody(Poco::Net::HTTPServerRequest& request) {
  std::string body;
  Poco::StreamCopier::copyToString(request.stream(), body);
  return body;
}

}  // namespace armtest
