// makeTokenPipeline: the pipeline token requests go through: request id, standard headers, retry (with the
// given rules), token-reply validation (a malformed 2xx is retried), per-attempt logging, JSON validation,
// then the shared transport (same TLS, limits, pool as the ARM calls).
#pragma once

#include <memory>

#include "arm/http/HttpPipeline.h"
#include "arm/http/Log.h"
#include "arm/http/RetryPolicy.h"

namespace aifoundry::identity {

std::shared_ptr<arm::HttpPipeline> makeTokenPipeline(std::shared_ptr<arm::HttpTransport> transport,
                                                     const arm::RetryOptions& retry, const arm::LogSink& log);

}  // namespace aifoundry::identity
