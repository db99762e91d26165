#include "identity/ManagedIdentityCredential.h"

#include <Poco/URI.h>

#include <cstdlib>

#include "http/EndpointGuard.h"
#include "http/HttpError.h"
#include "http/ResponseErrorBuilder.h"
#include "identity/TokenResponseParser.h"

namespace aifoundry::identity {

namespace {

std::string resourceOf(const std::string& scope) {
  const std::string suffix = "/.default";
  if (scope.size() > suffix.size() && scope.compare(scope.size() - suffix.size(), suffix.size(), suffix) == 0)
    return scope.substr(0, scope.size() - suffix.size());
  return scope;
}

bool isPlatformHost(const std::string& url) {
  try {
    const std::string host = Poco::URI(url).getHost();
    return host == "169.254.169.254" || http::isLoopbackHost(host);
  } catch (...) {
    return false;
  }
}

}  // namespace

EnvironmentReader processEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value || !*value) return std::nullopt;
    return std::string(value);
  };
}

http::RetryOptions managedIdentityRetryOptions() {
  http::RetryOptions options;
  options.maxRetries = 5;
  options.baseDelay = std::chrono::milliseconds(1000);
  options.statuses = {404, 410, 429, 500, 502, 503, 504};
  options.goneBudget = std::chrono::seconds(70);
  return options;
}

ManagedIdentityCredential::ManagedIdentityCredential(std::shared_ptr<http::HttpPipeline> pipeline,
                                                     std::string clientId, std::string endpointOverride,
                                                     const EnvironmentReader& environment)
    : pipeline_(std::move(pipeline)), clientId_(std::move(clientId)) {
  const auto identityEndpoint = environment ? environment("IDENTITY_ENDPOINT") : std::nullopt;
  const auto identityHeader = environment ? environment("IDENTITY_HEADER") : std::nullopt;
  if (identityEndpoint && identityHeader) {
    identityHeader_ = *identityHeader;
    endpoint_ = endpointOverride.empty() ? *identityEndpoint : endpointOverride;
    platformEndpoint_ = endpointOverride.empty() && isPlatformHost(endpoint_);
  } else {
    endpoint_ = endpointOverride.empty() ? kImdsUrl : endpointOverride;
    platformEndpoint_ =
        endpointOverride.empty() || endpointOverride.find("//169.254.169.254/") != std::string::npos;
  }
  redaction_ = http::Redactor::registerSecret(identityHeader_);
}

http::AccessToken ManagedIdentityCredential::getToken(const http::TokenRequestContext& context,
                                                      const http::CallControl& control) {
  Poco::URI uri(endpoint_);
  uri.addQueryParameter("api-version", usesAppService() ? "2019-08-01" : "2018-02-01");
  uri.addQueryParameter("resource", resourceOf(context.scope));
  if (!clientId_.empty()) uri.addQueryParameter("client_id", clientId_);

  http::HttpRequest request;
  request.method = "GET";
  request.url = uri.toString();
  request.platformPlainHttp = platformEndpoint_;
  if (usesAppService())
    request.headers.set("X-IDENTITY-HEADER", identityHeader_);
  else
    request.headers.set("Metadata", "true");
  request.operation = "get a managed identity token" +
                      (clientId_.empty() ? std::string() : " for client id '" + clientId_ + "'") + " from " +
                      (usesAppService() ? "the App Service identity endpoint" : "IMDS");

  http::HttpResponse response;
  try {
    response = pipeline_->send(request, control);
  } catch (const http::HttpError& error) {
    if (error.reason() != http::ErrorReason::Network) throw;
    const http::HttpError::Details& details = error.details();
    throw http::HttpError(std::string(error.what()) +
                              ". Hint: no managed identity endpoint answers here; is this machine an Azure "
                              "VM, AKS node or App Service with an identity?",
                          details);
  }
  if (!response.ok()) {
    http::HttpError error = http::errorFromResponse(request, response);
    if (response.status != 410) throw error;
    // Still 410 after the retry budget: IMDS is restarting (a platform outage), whatever its body says;
    // not a reason to check the credentials.
    http::HttpError::Details details = error.details();
    details.reason = http::ErrorReason::Unavailable;
    throw http::HttpError(std::string(error.what()) +
                              ". Hint: the managed identity endpoint is restarting (410); try again later",
                          details);
  }
  return parseTokenResponse(response.body, http::systemUnixNow(), request.operation);
}

std::string ManagedIdentityCredential::describe() const {
  return std::string(usesAppService() ? "App Service" : "IMDS") + " managed identity" +
         (clientId_.empty() ? std::string(" (system-assigned)") : " (client id '" + clientId_ + "')");
}

}  // namespace aifoundry::identity
