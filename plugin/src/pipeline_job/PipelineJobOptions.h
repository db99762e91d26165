// PipelineJobOptions: what the embedding code (not the user) may tune: retry delays and the environment
// identity/ reads. The plugin uses the defaults; tests shrink the delays so retry scenarios stay fast.
#pragma once

#include <chrono>
#include <optional>

#include "http/RetryPolicy.h"
#include "identity/EnvironmentReader.h"

namespace aifoundry::pipeline_job {

struct PipelineJobOptions {
  http::RetryOptions retry;  // ARM and Entra requests (the Azure SDKs' defaults)
  // Managed identity (IMDS / App Service) requests; empty: the Azure SDKs' IMDS policy
  // (identity::managedIdentityRetryOptions(): 5 retries from 1 s, 404/410 retried).
  std::optional<http::RetryOptions> managedIdentityRetry;
  identity::EnvironmentReader environment;  // empty: the process environment (Environment sign-in)
  bool coalescePolls = true;                // concurrent polls of one run share one request
  // A Running run's start time and step progress come from Run History at most once per run per interval
  // (plugin/README.md, "Progress"); between reads a poll reports what was read last.
  std::chrono::milliseconds liveDetailInterval{20'000};
};

}  // namespace aifoundry::pipeline_job
