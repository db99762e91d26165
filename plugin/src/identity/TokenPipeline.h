// makeTokenPipeline: the pipeline token requests go through: request id, standard headers, retry (with the
// given rules), token-reply validation (a malformed 2xx is retried), per-attempt logging, JSON validation,
// then the shared transport (same TLS, limits, pool as the ARM calls).
#pragma once

#include <memory>

#include "http/HttpPipeline.h"
#include "http/Log.h"
#include "http/RetryPolicy.h"

namespace aifoundry::identity {

std::shared_ptr<http::HttpPipeline> makeTokenPipeline(std::shared_ptr<http::HttpTransport> transport,
                                                      const http::RetryOptions& retry,
                                                      const http::LogSink& log);

}  // namespace aifoundry::identity
