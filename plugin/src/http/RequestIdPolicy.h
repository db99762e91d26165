// RequestIdPolicy: gives each logical request one x-ms-client-request-id (a GUID). It sits before the
// RetryPolicy, so every retry of the request carries the same id (Azure support correlates on it).
#pragma once

#include <string>

#include "http/HttpPolicy.h"

namespace aifoundry::http {

class RequestIdPolicy : public HttpPolicy {
 public:
  static constexpr const char* kHeader = "x-ms-client-request-id";
  HttpResponse send(HttpRequest& request, const CallControl& control, const Next& next) override;
};

// A version 4 GUID from the kernel's randomness (one system call): for ids that must never repeat, such as
// a client assertion's jti.
std::string newGuid();
// The same from a per-thread buffer (one system call per 32 ids): for request ids on the hot path.
std::string newRequestId();

}  // namespace aifoundry::http
