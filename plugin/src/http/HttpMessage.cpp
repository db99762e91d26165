#include "http/HttpMessage.h"

namespace aifoundry::http {

const Url* HttpRequest::parsedUrl() const {
  if (parsedFrom_ != url) {
    parsed_ = Url::parse(url);
    parsedFrom_ = url;
  }
  return parsed_ ? &*parsed_ : nullptr;
}

bool isSafeToRepeat(const HttpRequest& request) {
  const auto& m = request.method;
  return request.idempotent || m == "GET" || m == "HEAD" || m == "DELETE" || m == "OPTIONS";
}

}  // namespace aifoundry::http
