// ArmClient: what the job type uses to talk to Azure Resource Manager (and the Azure ML data plane).
//
// Each request goes through the pipeline
//   RequestId -> StandardHeaders -> Retry -> BearerToken (ARM scope, 401 -> fresh token once)
//   -> RateLimit -> Logging -> JsonResponse -> HttpTransport (pool, TLS, limits, interrupt)
// (an `anonymous` request through the same pipeline without BearerToken). A token is attached only for a
// host TokenDestinations allows; any other host is refused before a byte is sent.
// get/put/post/del return the 2xx reply and throw HttpError (one line, with reason, status, Azure code,
// request id, Retry-After) for anything else; send() returns any status as is.
//
// Thread safety: every member may be called from many threads at once. One ArmClient per platform
// connection; it shares one transport (connection pool) between ARM calls and token requests.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "arm/RateLimitState.h"
#include "arm/TokenDestinations.h"
#include "common/SecretString.h"
#include "http/AttributeReader.h"
#include "http/CallControl.h"
#include "http/HttpError.h"
#include "http/HttpMessage.h"
#include "http/HttpPipeline.h"
#include "http/HttpTransport.h"
#include "http/Log.h"
#include "http/RetryPolicy.h"
#include "http/TokenCredential.h"
#include "identity/CloudEndpoints.h"

namespace aifoundry::arm {

struct ArmRequestOptions {
  std::string operation;            // for errors, e.g. "read job 'train-1'"; default "GET https://host/path"
  bool idempotent = false;          // PUT/POST only: safe to retry (e.g. a PUT with a deterministic name)
  bool attachAzureMlToken = false;  // add x-azureml-token (Azure ML audience), for submitting jobs
  // Send no token at all: for documents Azure serves to anyone (a workspace's service discovery document,
  // which Azure's SDK reads unauthenticated), so a lying discoveryUrl collects nothing.
  bool anonymous = false;
  http::HttpHeaders extraHeaders;
  // Non-2xx statuses that are an ordinary answer here (a pre-check's 404): still thrown as HttpError, but
  // logged at Debug (HttpRequest::routineStatuses).
  std::vector<int> routineStatuses;
};

struct ArmClientConfig {
  std::shared_ptr<http::HttpTransport> transport;
  std::shared_ptr<http::TokenCredential>
      credential;  // the caller builds it (cached, as every sign-in should be)
  identity::CloudEndpoints cloud;
  http::RetryOptions retry;
  http::LogSink log;
};

class ArmClient {
 public:
  explicit ArmClient(ArmClientConfig config);

  // `url` is absolute, or a path ("/subscriptions/...") relative to the Resource Manager endpoint.
  http::HttpResponse get(const std::string& url, const http::CallControl& control,
                         const ArmRequestOptions& options = {}) const;
  http::HttpResponse put(const std::string& url, const common::SecretString& jsonBody,
                         const http::CallControl& control, const ArmRequestOptions& options = {}) const;
  http::HttpResponse post(const std::string& url, const common::SecretString& jsonBody,
                          const http::CallControl& control, const ArmRequestOptions& options = {}) const;
  http::HttpResponse del(const std::string& url, const http::CallControl& control,
                         const ArmRequestOptions& options = {}) const;
  // GET whose 2xx body is delivered to `sink` as it arrives (large list pages); not retried once begun.
  http::HttpResponse getStreaming(const std::string& url,
                                  const std::function<void(const char*, std::size_t)>& sink,
                                  const http::CallControl& control,
                                  const ArmRequestOptions& options = {}) const;

  // Any method, any status returned (no throw on 4xx/5xx); throws only when no reply was had.
  http::HttpResponse send(http::HttpRequest request, const http::CallControl& control) const;

  // Latest ARM rate-limit budget seen on any reply (for next-poll hints).
  std::optional<long> remainingReads() const { return rateLimits_->remainingReads(); }
  std::optional<long> remainingWrites() const { return rateLimits_->remainingWrites(); }
  // When ARM or the data plane last answered 429 (steady_clock ms, RateLimitState::steadyNowMs()).
  std::optional<std::int64_t> lastThrottledMs(Plane plane) const {
    return rateLimits_->lastThrottledMs(plane);
  }

  // Throws HttpError(InvalidSettings) when `url` may not receive the token (TokenDestinations::check).
  void checkTokenDestination(const std::string& url, const std::string& operation) const {
    destinations_->check(url, operation);
  }

  const identity::CloudEndpoints& cloud() const { return config_.cloud; }
  const std::shared_ptr<http::TokenCredential>& credential() const { return config_.credential; }
  const http::HttpTransport& transport() const { return *config_.transport; }
  std::string absoluteUrl(const std::string& url) const;

 private:
  // `body`: none for a GET or DELETE.
  http::HttpResponse call(const std::string& method, const std::string& url, const common::SecretString* body,
                          const http::CallControl& control, const ArmRequestOptions& options,
                          const std::function<void(const char*, std::size_t)>* sink) const;

  ArmClientConfig config_;
  std::shared_ptr<RateLimitState> rateLimits_;
  std::shared_ptr<const TokenDestinations> destinations_;
  std::shared_ptr<http::HttpPipeline> pipeline_;
  std::shared_ptr<http::HttpPipeline> anonymousPipeline_;
};

}  // namespace aifoundry::arm
