#include "ReplayServer.h"

#include <Poco/DeflatingStream.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <sstream>

#include "TestServer.h"
#include "common/AsciiText.h"

namespace replay {
namespace {

using aifoundry::common::ascii::iequals;

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string gzipped(const std::string& body) {
  std::ostringstream out;
  {
    Poco::DeflatingOutputStream deflate(out, Poco::DeflatingStreamBuf::STREAM_GZIP);
    deflate << body;
    deflate.close();
  }
  return out.str();
}

}  // namespace

Reply replyOf(const Exchange& exchange, const std::vector<std::pair<std::string, std::string>>& rewrites) {
  Reply reply;
  reply.status = exchange.status;
  for (const auto& [name, value] : exchange.responseHeaders) {
    if (iequals(name, "Content-Encoding")) {
      reply.gzip = iequals(value, "gzip");
    } else if (iequals(name, "Transfer-Encoding")) {
      reply.chunked = iequals(value, "chunked");
    } else if (!iequals(name, "Content-Length") && !iequals(name, "Connection")) {
      reply.headers.emplace_back(name, value);
    }
  }
  reply.body = exchange.responseBody;
  for (const auto& [from, to] : rewrites) {
    for (std::size_t at = reply.body.find(from); at != std::string::npos;
         at = reply.body.find(from, at + to.size()))
      reply.body.replace(at, from.size(), to);
  }
  return reply;
}

std::string Received::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return value;
  return {};
}

ReplayServer::ReplayServer()
    : server_(std::make_unique<armtest::TestServer>(
          [this](Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
            Received got;
            got.method = request.getMethod();
            got.target = request.getURI();
            for (const auto& [name, value] : request) got.headers.emplace_back(name, value);
            got.body = armtest::readBody(request);
            const Reply reply = answer(got);
            {
              std::lock_guard<std::mutex> lock(mutex_);
              received_.push_back(std::move(got));
            }
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
            for (const auto& [name, value] : reply.headers) response.add(name, value);
            const std::string body = reply.gzip && !reply.body.empty() ? gzipped(reply.body) : reply.body;
            if (reply.gzip && !reply.body.empty()) response.set("Content-Encoding", "gzip");
            if (reply.chunked)
              response.setChunkedTransferEncoding(true);
            else
              response.setContentLength64(static_cast<Poco::Int64>(body.size()));
            std::ostream& out = response.send();
            out << body;
          })) {}

ReplayServer::~ReplayServer() = default;

std::string ReplayServer::base() const {
  std::string url = server_->url("/");
  url.pop_back();
  return url;
}

void ReplayServer::on(const std::string& method, const std::string& pathSuffix, Reply reply,
                      const std::string& queryContains) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (Route& route : routes_) {
    if (route.method == method && route.suffix == pathSuffix && route.query == queryContains) {
      route.reply = std::move(reply);
      return;
    }
  }
  routes_.push_back(Route{method, pathSuffix, queryContains, std::move(reply)});
}

Reply ReplayServer::answer(const Received& request) const {
  const std::string path = request.path();
  const std::string query = request.target.size() > path.size() ? request.target.substr(path.size()) : "";
  std::lock_guard<std::mutex> lock(mutex_);
  const Route* best = nullptr;
  for (const Route& route : routes_) {
    if (route.method != request.method || !endsWith(path, route.suffix)) continue;
    if (!route.query.empty() && query.find(route.query) == std::string::npos) continue;
    // The longest suffix wins; for the same suffix, a route that names a query beats one that does not.
    if (!best || route.suffix.size() > best->suffix.size() ||
        (route.suffix.size() == best->suffix.size() && route.query.size() > best->query.size()))
      best = &route;
  }
  if (best) return best->reply;
  Reply none;
  none.status = 404;
  return none;
}

std::vector<Received> ReplayServer::received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

std::vector<Received> ReplayServer::received(const std::string& method, const std::string& pathSuffix) const {
  std::vector<Received> out;
  for (const Received& r : received())
    if (r.method == method && endsWith(r.path(), pathSuffix)) out.push_back(r);
  return out;
}

}  // namespace replay
