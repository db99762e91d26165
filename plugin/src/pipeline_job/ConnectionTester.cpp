#include "pipeline_job/ConnectionTester.h"

#include "azureml/AzureMlError.h"
#include "azureml/WorkspaceDecoder.h"
#include "core/JobTypeError.h"
#include "pipeline_job/CallScope.h"
#include "pipeline_job/ErrorTranslation.h"

namespace aifoundry::pipeline_job {
namespace {

// The plain verdict for a failed sign-in or workspace read.
std::string verdictFor(http::ErrorReason reason, const std::string& workspace) {
  switch (reason) {
    case http::ErrorReason::Authentication:
      return "bad credentials: sign-in was refused; check the Authentication Method, Tenant Id, Client Id "
             "and "
             "the secret or certificate";
    case http::ErrorReason::Permission:
      return "no permission: signed in, but the identity may not use " + workspace +
             "; grant it the Contributor role on the workspace";
    case http::ErrorReason::NotFound:
      return "workspace not found: " + workspace +
             " does not exist in that subscription; check Subscription Id, Resource Group Name and Workspace "
             "Name";
    case http::ErrorReason::Tls:
      return "TLS failure: the server's certificate was not accepted; check the endpoint and the CA Bundle "
             "Path";
    case http::ErrorReason::Network:
    case http::ErrorReason::Unavailable:
    case http::ErrorReason::RateLimited:
      return "network failure: Azure could not be reached or is busy; check the network path and retry";
    case http::ErrorReason::Timeout:
      return "network failure: no answer before the deadline; check the network path and retry";
    case http::ErrorReason::Interrupted:
      return "interrupted";
    case http::ErrorReason::Rejected:
    case http::ErrorReason::InvalidSettings:
      break;
  }
  return "the connection settings do not work";
}

// The one line for a failed test. A host name that does not exist, or a sign-in that failed before any
// server answered (the host had no token, say), is its own cause: the line leads with it, not with a verdict
// that would send the operator to check credentials or the network.
std::string failureLine(const http::HttpError& e, http::ErrorReason reason, const std::string& workspace) {
  if (e.unresolvedHost()) return "unknown host: " + std::string(e.what());
  if (e.signInFailure() && e.httpStatus() == 0 && reason == http::ErrorReason::Authentication)
    return "sign-in failed: " + std::string(e.what());
  return verdictFor(reason, workspace) + " (" + e.what() + ")";
}

}  // namespace

std::string ConnectionTester::test(core::CallContext& ctx) const {
  CallScope scope(ctx);
  const std::string workspace = connection().describeWorkspace();
  try {
    arm::ArmRequestOptions options;
    options.operation = "read " + workspace;
    const http::HttpResponse response =
        connection().arm().get(connection().urls().workspaceUrl(), scope.control(), options);
    // Read the reply through (its nesting limit included): a body that is not a workspace is not "all good".
    try {
      (void)azureml::WorkspaceDecoder::decode(response.body);
    } catch (const azureml::AzureMlError& e) {
      throw core::JobTypeError(core::ErrorCode::Unavailable,
                               "the service's answer for " + workspace + " is not a workspace resource (" +
                                   e.what() +
                                   "; x-ms-request-id: " + response.headers.getOr("x-ms-request-id", "-") +
                                   "); retry later, and check the Resource Manager Endpoint if it persists");
    }
    const std::string message = "all good: signed in with " + connection().arm().credential()->describe() +
                                " and read " + workspace +
                                " (x-ms-request-id: " + response.headers.getOr("x-ms-request-id", "-") +
                                "); running jobs needs the Contributor role on the workspace";
    connection().log().info("test connection: " + message);
    return message;
  } catch (const http::HttpError& e) {
    core::JobTypeError translated = translate(e);
    http::ErrorReason reason = e.reason();
    // Hosts interrupt a call when its deadline passes: that is the deadline's verdict, not an interrupt's.
    if (reason == http::ErrorReason::Interrupted && ctx.remainingMs() <= 0) {
      reason = http::ErrorReason::Timeout;
      translated = core::JobTypeError(core::ErrorCode::Timeout, translated.message());
    }
    const std::string message = failureLine(e, reason, workspace);
    connection().log().info("test connection: " + message);
    throw core::JobTypeError(translated.code(), message, translated.retryAfterMs());
  } catch (...) {
    rethrowTranslated(core::ErrorCode::InvalidSettings);
  }
}

}  // namespace aifoundry::pipeline_job
