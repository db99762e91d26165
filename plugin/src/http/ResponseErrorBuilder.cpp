#include "http/ResponseErrorBuilder.h"

#include <map>

#include "http/ArmErrorDecoder.h"
#include "http/Redactor.h"
#include "http/RetryAfter.h"

namespace aifoundry::http {

namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// Entra reports sign-in failures as 400/401 with OAuth error names; they all mean "credentials".
bool isSignInFailure(const std::string& code) {
  return startsWith(code, "AADSTS") || code == "invalid_client" || code == "unauthorized_client" ||
         code == "invalid_grant";
}

ErrorReason reasonFor(int status, const std::string& code) {
  // Throttling and outages come first: Entra answers them with an AADSTS code too (AADSTS50196
  // temporarily_unavailable), and they are a reason to retry, not to fix the credentials.
  if (status == 429) return ErrorReason::RateLimited;
  // 408/504 say the service (or its gateway) gave up, not that the call's deadline passed: Timeout is
  // reserved for our own deadline (callers treat it as "stop now").
  if (status >= 500 || status == 408) return ErrorReason::Unavailable;
  if (code == "invalid_scope" || code == "AADSTS90002" || code == "AADSTS900023")
    return ErrorReason::InvalidSettings;
  if (isSignInFailure(code)) return ErrorReason::Authentication;
  switch (status) {
    case 401:
      return ErrorReason::Authentication;
    case 403:
      return ErrorReason::Permission;
    case 404:
    case 410:
      return ErrorReason::NotFound;
    default:
      break;
  }
  return ErrorReason::Rejected;
}

}  // namespace

namespace {

std::string describe(const std::string& method, const Url* url) {
  return url ? method + " " + url->withoutQuery() : method + " <unparsable URL>";
}

}  // namespace

std::string describeTarget(const std::string& method, const std::string& url) {
  const auto parsed = Url::parse(url);
  return describe(method, parsed ? &*parsed : nullptr);
}

std::string operationOf(const HttpRequest& request) {
  return request.operation.empty() ? describe(request.method, request.parsedUrl()) : request.operation;
}

// A job that is not there is the common 404 (a template deleted, a RunId from another workspace): say so
// rather than send the user to check names that are fine.
bool isJobUrl(const HttpRequest& request) {
  const Url* url = request.parsedUrl();
  return url != nullptr && url->path.find("/jobs/") != std::string::npos;
}

std::string hintFor(int status, const std::string& code, const HttpRequest& request) {
  if ((status == 404 || code == "ResourceNotFound") && isJobUrl(request))
    return "the job does not exist in this workspace; check the External Id or RunId, then 'Workspace Name'";
  static const std::map<std::string, std::string> byCode = {
      {"AuthorizationFailed", "the identity needs the Contributor role on the workspace"},
      {"LinkedAuthorizationFailed",
       "the identity needs the Contributor role on the workspace and its linked resources"},
      {"AADSTS7000215", "the client secret is wrong or expired"},
      {"AADSTS7000222", "the client secret has expired; create a new one and update 'Client Secret'"},
      {"AADSTS700016",
       "the 'Client Id' is not an application in that tenant; check 'Client Id' and 'Tenant Id'"},
      {"AADSTS90002", "the tenant was not found; check 'Tenant Id' and 'Azure Cloud'"},
      {"AADSTS900023", "the 'Tenant Id' is not a valid tenant"},
      {"AADSTS700027",
       "the certificate is not registered on the application (or the wrong one was sent); check "
       "'Certificate'"},
      {"AADSTS70021", "no federated credential on the application matches the workload identity token"},
      {"AADSTS700024", "the federated token has expired; the token file is not being refreshed"},
      {"invalid_scope",
       "the scope is not valid for this cloud; check 'Azure Cloud' and the endpoint overrides"},
      {"InvalidAuthenticationToken",
       "the token is not accepted by this endpoint; check 'Tenant Id' and 'Azure Cloud'"},
      {"InvalidAuthenticationTokenTenant", "the token is for another tenant; check 'Tenant Id'"},
      {"ExpiredAuthenticationToken", "the token expired; check the machine clock"},
      {"SubscriptionNotFound", "check 'Subscription Id' (and that the identity can see the subscription)"},
      {"ResourceGroupNotFound", "check 'Resource Group Name'"},
      {"ResourceNotFound", "check 'Subscription Id', 'Resource Group Name' and 'Workspace Name'"},
      {"UserError", "Azure ML refused the request; the message says which field"},
  };
  auto it = byCode.find(code);
  if (it != byCode.end()) return it->second;
  switch (status) {
    case 401:
      return "the credentials were not accepted; check the authentication settings";
    case 403:
      return "the identity needs the Contributor role on the workspace";
    case 404:
      return "check the names in the URL (subscription, resource group, workspace, job)";
    case 413:
      return "the request body is too large for ARM (4 MB)";
    case 429:
      return "Azure is throttling this subscription; try again after the Retry-After delay";
    default:
      break;
  }
  if (status >= 500) return "Azure is having a problem; try again later";
  return {};
}

HttpError errorFromResponse(const HttpRequest& request, const HttpResponse& response) {
  // Only a structured (ARM or Entra) body lends its message: an HTML page from a proxy says less than the
  // status line and might be long.
  const http::ArmError decoded = http::ArmErrorDecoder::decode(response.body);
  const std::string message = decoded.structured ? decoded.message : std::string();
  HttpError::Details details;
  details.httpStatus = response.status;
  details.azureCode = decoded.code;
  details.requestId = response.headers.getOr("x-ms-request-id", decoded.traceId);
  details.retryAfter = retryAfterFrom(response.headers);
  details.reason = reasonFor(response.status, decoded.code);

  std::string line = operationOf(request) + ": HTTP " + std::to_string(response.status);
  // Entra's description already starts with its code ("AADSTS7000215: Invalid client secret ..."): once is
  // enough.
  if (!decoded.code.empty() && !startsWith(message, decoded.code)) line += " " + oneLine(decoded.code, 80);
  if (!message.empty())
    line += ": " + oneLine(message);
  else if (!response.reason.empty())
    line += " " + oneLine(response.reason, 80);
  if (!details.requestId.empty()) line += " (x-ms-request-id: " + oneLine(details.requestId, 80) + ")";
  if (details.retryAfter)
    line += " (retry after " + std::to_string((details.retryAfter->count() + 999) / 1000) + " s)";
  const std::string hint = hintFor(response.status, decoded.code, request);
  if (!hint.empty()) line += ". Hint: " + hint;
  return HttpError(Redactor::redact(line), details);
}

}  // namespace aifoundry::http
