// HttpPolicy: one concern of the request pipeline (request id, headers, retry, bearer token, rate limits,
// logging), modelled on the Azure SDK for C++ HTTP pipeline. A policy may change the request, call `next`
// zero or more times and inspect or replace the response. Policies are shared by all threads of a
// pipeline: keep them stateless or synchronise their state.
#pragma once

#include <functional>

#include "http/CallControl.h"
#include "http/HttpMessage.h"

namespace aifoundry::http {

class HttpPolicy {
 public:
  using Next = std::function<HttpResponse(HttpRequest&, const CallControl&)>;
  virtual ~HttpPolicy() = default;
  virtual HttpResponse send(HttpRequest& request, const CallControl& control, const Next& next) = 0;
};

}  // namespace aifoundry::http
