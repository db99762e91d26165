#include "arm/ArmClient.h"

#include "arm/BearerTokenPolicy.h"
#include "arm/RateLimitPolicy.h"
#include "http/JsonResponsePolicy.h"
#include "http/LoggingPolicy.h"
#include "http/RequestIdPolicy.h"
#include "http/ResponseErrorBuilder.h"
#include "http/StandardHeadersPolicy.h"

namespace aifoundry::arm {

ArmClient::ArmClient(ArmClientConfig config)
    : config_(std::move(config)), rateLimits_(std::make_shared<RateLimitState>()) {
  if (!config_.transport || !config_.credential)
    http::throwError(http::ErrorReason::InvalidSettings,
                     "internal: ArmClient needs a transport and a credential");
  destinations_ = std::make_shared<const TokenDestinations>(
      config_.cloud, config_.transport->options().allowPlainHttpToLoopback);
  auto policies = [this](bool withToken) {
    std::vector<std::shared_ptr<http::HttpPolicy>> list{
        std::make_shared<http::RequestIdPolicy>(),
        std::make_shared<http::StandardHeadersPolicy>(config_.transport->options().userAgent),
        std::make_shared<http::RetryPolicy>(config_.retry, config_.log),
    };
    // The budgets are read from authenticated replies only (ARM and the data plane it vouches for).
    if (withToken) {
      list.push_back(
          std::make_shared<BearerTokenPolicy>(config_.credential, config_.cloud.armScope(), destinations_));
      list.push_back(std::make_shared<RateLimitPolicy>(rateLimits_, config_.cloud.armEndpoint));
    }
    list.push_back(std::make_shared<http::LoggingPolicy>(config_.log));
    list.push_back(std::make_shared<http::JsonResponsePolicy>());
    return list;
  };
  pipeline_ = std::make_shared<http::HttpPipeline>(policies(true), config_.transport);
  anonymousPipeline_ = std::make_shared<http::HttpPipeline>(policies(false), config_.transport);
}

std::string ArmClient::absoluteUrl(const std::string& url) const {
  if (!url.empty() && url[0] == '/') return config_.cloud.armEndpoint + url;
  return url;
}

http::HttpResponse ArmClient::send(http::HttpRequest request, const http::CallControl& control) const {
  request.url = absoluteUrl(request.url);
  return pipeline_->send(std::move(request), control);
}

http::HttpResponse ArmClient::call(const std::string& method, const std::string& url,
                                   const common::SecretString* body, const http::CallControl& control,
                                   const ArmRequestOptions& options,
                                   const std::function<void(const char*, std::size_t)>* sink) const {
  http::HttpRequest request;
  request.method = method;
  request.url = absoluteUrl(url);
  if (body) request.body = *body;
  request.idempotent = options.idempotent;
  request.operation = options.operation;
  request.routineStatuses = options.routineStatuses;
  for (const auto& header : options.extraHeaders.entries()) request.headers.set(header.first, header.second);
  if (!request.body.empty()) request.headers.set("Content-Type", "application/json");
  if (options.attachAzureMlToken) {
    destinations_->check(request);
    request.headers.set("x-azureml-token",
                        config_.credential->getToken(config_.cloud.mlScope(), control).token);
  }
  if (sink) request.bodySink = *sink;
  // For the error line (the pipeline consumes the request): what errorFromResponse() reads. Not a full copy:
  // a run's PUT body is the whole cloned template (megabytes).
  http::HttpRequest described;
  described.method = request.method;
  described.url = request.url;
  described.operation = request.operation;
  http::HttpResponse response =
      (options.anonymous ? anonymousPipeline_ : pipeline_)->send(std::move(request), control);
  if (!response.ok()) throw http::errorFromResponse(described, response);
  return response;
}

http::HttpResponse ArmClient::get(const std::string& url, const http::CallControl& control,
                                  const ArmRequestOptions& options) const {
  return call("GET", url, nullptr, control, options, nullptr);
}

http::HttpResponse ArmClient::put(const std::string& url, const common::SecretString& jsonBody,
                                  const http::CallControl& control, const ArmRequestOptions& options) const {
  return call("PUT", url, &jsonBody, control, options, nullptr);
}

http::HttpResponse ArmClient::post(const std::string& url, const common::SecretString& jsonBody,
                                   const http::CallControl& control, const ArmRequestOptions& options) const {
  return call("POST", url, &jsonBody, control, options, nullptr);
}

http::HttpResponse ArmClient::del(const std::string& url, const http::CallControl& control,
                                  const ArmRequestOptions& options) const {
  return call("DELETE", url, nullptr, control, options, nullptr);
}

http::HttpResponse ArmClient::getStreaming(const std::string& url,
                                           const std::function<void(const char*, std::size_t)>& sink,
                                           const http::CallControl& control,
                                           const ArmRequestOptions& options) const {
  return call("GET", url, nullptr, control, options, &sink);
}

}  // namespace aifoundry::arm
