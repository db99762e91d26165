// HttpRequest / HttpResponse: plain values that travel through the pipeline.
// The request body is kept whole so a retry can send it again.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/SecretString.h"
#include "http/HttpHeaders.h"
#include "http/Url.h"

namespace aifoundry::http {

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute: scheme://host[:port]/path?query
  HttpHeaders headers;
  // Kept whole for a retry. It may hold secrets (a client secret in a sign-in form, a run's Secret values in
  // a submission), so it lives in a SecretString and is wiped with the request.
  common::SecretString body;
  // A PUT/POST/PATCH is retried only when the caller says repeating it is harmless.
  bool idempotent = false;
  // What the caller is doing, for error messages ("read job 'x'", "sign in"). Never secret.
  std::string operation;
  // Managed-identity endpoints (IMDS, App Service) are plain HTTP by design; only identity/ sets this.
  bool platformPlainHttp = false;
  // When set, a 2xx body is handed over piece by piece as it arrives instead of being kept in the
  // response (large list pages); the RetryPolicy does not retry once a piece has been delivered.
  std::function<void(const char*, std::size_t)> bodySink;
  // Statuses besides 2xx that answer the caller's question as a matter of course (a "does it exist yet?"
  // pre-check's 404): LoggingPolicy logs them at Debug like a success, not at Info like a failure.
  std::vector<int> routineStatuses;

  bool isRoutine(int status) const {
    return (status >= 200 && status < 300) ||
           std::find(routineStatuses.begin(), routineStatuses.end(), status) != routineStatuses.end();
  }

  // `url` taken apart: the one parse that the token-destination check, the endpoint guard and the transport
  // all read. Parsed on first use and again only when `url` has changed since. Null when `url` is not an
  // absolute URL with a host (Url::parse). The pointer lives until `url` changes or the request goes. Like
  // the rest of the request, for one thread at a time (the parse is cached inside it).
  const Url* parsedUrl() const;

 private:
  // What `url` held when parsed_ was made; both start as the parse of "" (nothing).
  mutable std::string parsedFrom_;
  mutable std::optional<Url> parsed_;
};

struct HttpResponse {
  int status = 0;
  std::string reason;
  HttpHeaders headers;
  std::string body;

  bool ok() const { return status >= 200 && status < 300; }
};

// GET, HEAD, DELETE, OPTIONS can be repeated by definition; others only when marked.
bool isSafeToRepeat(const HttpRequest& request);

}  // namespace aifoundry::http
