// LoggingPolicy: one line per attempt: method, URL without query, status, elapsed time, request ids.
// Never headers or bodies (they carry tokens and secrets). Sits after the RetryPolicy so each attempt
// is visible. Thread-safe when the sink is.
#pragma once

#include "http/HttpPolicy.h"
#include "http/Log.h"

namespace aifoundry::http {

class LoggingPolicy : public HttpPolicy {
 public:
  explicit LoggingPolicy(LogSink sink) : sink_(std::move(sink)) {}
  HttpResponse send(HttpRequest& request, const CallControl& control, const Next& next) override;

 private:
  LogSink sink_;
};

}  // namespace aifoundry::http
