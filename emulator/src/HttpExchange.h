// HttpExchange: the request as the routes see it (already read, parsed) and the reply they build.
// Keeping routes free of Poco's server types makes them plain functions that are easy to reason about;
// ReplyWriter alone turns a Reply into bytes (and is where faults damage it).
#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace azureml_emulator {

struct Request {
  std::string method;
  std::string path;                           // decoded path, no query
  std::string query;                          // raw query, no '?'
  std::map<std::string, std::string> params;  // decoded query parameters (last one wins)
  Poco::Net::NameValueCollection headers;     // case-insensitive
  std::string body;
  std::string contentType;
  std::string clientAddress;
  std::vector<std::string> segments;  // path split on '/', empty ones dropped

  std::string header(const std::string& name) const { return headers.get(name, ""); }
  bool hasParam(const std::string& name) const { return params.count(name) != 0; }
  std::string param(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? "" : it->second;
  }
};

struct Reply {
  int status = 200;
  std::string contentType = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string principal;  // for the journal: who the bearer token belonged to
  bool chunked = false;   // sent with Transfer-Encoding: chunked (Azure's GET replies are)
  bool gzip = false;      // sent with Content-Encoding: gzip (when the client accepts it, as Azure does)

  void set(const std::string& name, const std::string& value) { headers.emplace_back(name, value); }
  static Reply json(int status, std::string body) {
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
  }
};

// Splits "a=1&b=x%20y" into decoded pairs.
std::map<std::string, std::string> parseQuery(const std::string& query);
std::vector<std::string> splitPath(const std::string& path);
std::string urlEncode(const std::string& text);

}  // namespace azureml_emulator
