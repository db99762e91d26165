#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <set>
#include <sstream>

#include "ArmAssets.h"
#include "ArmAuthenticator.h"
#include "ArmError.h"
#include "Ids.h"
#include "JsonText.h"
#include "PipelineJobValidator.h"
#include "ServiceEndpoints.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

// The versions Azure's current clients send for jobs, workspaces, computes, components and datastores
// (azure-ai-ml 1.4.0 alone uses 2022-05-01, 2022-10-01 and 2022-10-01-preview; computes were recorded with
// 2022-01-01-preview).
const std::set<std::string> kApiVersions = {
    "2022-01-01-preview", "2022-05-01",         "2022-06-01-preview", "2022-10-01",
    "2022-10-01-preview", "2022-12-01-preview", "2023-02-01-preview", "2023-04-01",
    "2023-04-01-preview", "2023-06-01-preview", "2023-10-01",         "2024-01-01-preview",
    "2024-04-01",         "2024-10-01",         "2024-10-01-preview", "2025-01-01-preview"};

std::string listOf(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "'" : ", '") + v + "'";
  return out;
}

std::string encodeSkip(size_t position) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder << "{\"o\":" << position << "}";
  encoder.close();
  return out.str();
}

std::optional<size_t> decodeSkip(const std::string& token) {
  try {
    std::istringstream in(token);
    Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    std::string text((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    auto object = json::parseObject(text);
    const long long position = object->getValue<long long>("o");
    if (position < 0) return std::nullopt;
    return static_cast<size_t>(position);
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<Reply> checkApiVersion(const EmulatorState& state, const Request& request,
                                     const RouteMatch& match) {
  if (!request.hasParam("api-version") || request.param("api-version").empty())
    return armError(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
  const std::string version = request.param("api-version");
  if (!kApiVersions.count(version)) {
    std::string supported;
    for (const auto& v : kApiVersions) supported += (supported.empty() ? "" : ", ") + v;
    const char* type = match.route == Route::Workspace ? "workspaces" : "workspaces/jobs";
    if (match.route == Route::ComputeGet) type = "workspaces/computes";
    if (match.route == Route::ComponentGet) type = "workspaces/components/versions";
    if (match.route == Route::DatastoreGet || match.route == Route::DatastoreList)
      type = "workspaces/datastores";
    return armError(400, "NoRegisteredProviderFound",
                    "No registered resource provider found for location '" + state.context->region +
                        "' and API version '" + version + "' for type '" + type +
                        "'. The supported api-versions are '" + supported +
                        "'. The supported locations are '" + state.context->region + "'.");
  }
  return std::nullopt;
}

std::optional<Reply> checkScope(const EmulatorState& state, const RouteMatch& match) {
  const auto& o = state.options;
  if (Poco::icompare(match.subscription, o.subscription) != 0)
    return armError(404, "SubscriptionNotFound",
                    "The subscription '" + match.subscription + "' could not be found.");
  if (Poco::icompare(match.resourceGroup, o.resourceGroup) != 0)
    return armError(404, "ResourceGroupNotFound",
                    "Resource group '" + match.resourceGroup + "' could not be found.");
  if (Poco::icompare(match.workspace, o.workspace) != 0)
    return armError(
        404, "ResourceNotFound",
        "The Resource 'Microsoft.MachineLearningServices/workspaces/" + match.workspace +
            "' under resource group '" + match.resourceGroup +
            "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
  return std::nullopt;
}

std::string actionOf(Route route) {
  switch (route) {
    case Route::Workspace:
      return "Microsoft.MachineLearningServices/workspaces/read";
    case Route::JobsPut:
      return "Microsoft.MachineLearningServices/workspaces/jobs/write";
    case Route::JobsCancel:
      return "Microsoft.MachineLearningServices/workspaces/jobs/cancel/action";
    default:
      return "Microsoft.MachineLearningServices/workspaces/jobs/read";
  }
}

std::optional<Reply> checkRole(const EmulatorState& state, const TokenInfo& token, const RouteMatch& match,
                               bool write) {
  const bool allowed =
      token.role == "Contributor" || token.role == "Owner" || (!write && token.role == "Reader");
  if (allowed) return std::nullopt;
  const std::string scope = state.context->workspaceId() + (match.job.empty() ? "" : "/jobs/" + match.job);
  return armError(403, "AuthorizationFailed",
                  "The client '" + token.clientId + "' with object id '" +
                      ids::guidFromName("oid:" + token.clientId) +
                      "' does not have authorization to perform action '" + actionOf(match.route) +
                      "' over scope '" + scope +
                      "' or the scope is invalid. If access was recently granted, please refresh your "
                      "credentials.");
}

// The workspace resource with the members Azure answers with (recorded, api-version 2022-10-01).
Reply workspaceResource(const EmulatorState& state) {
  const auto& c = *state.context;
  const std::string id = c.workspaceId();
  const std::string rg = c.resourceGroupId();
  const std::string workspaceGuid = ids::guidFromName("wsid:" + id);
  const std::string region = json::quote(c.region);
  return Reply::json(
      200,
      "{\"id\":" + json::quote(id) + ",\"name\":" + json::quote(c.workspace) +
          ",\"type\":\"Microsoft.MachineLearningServices/workspaces\",\"location\":" + region +
          ",\"tags\":{},\"etag\":null,\"properties\":{\"friendlyName\":" + json::quote(c.workspace) +
          ",\"description\":\"Emulated Azure ML workspace\",\"storageAccount\":" +
          json::quote(rg + "/providers/Microsoft.Storage/storageAccounts/emulatorstorage") +
          ",\"keyVault\":" + json::quote(rg + "/providers/Microsoft.Keyvault/vaults/emulator-kv") +
          ",\"applicationInsights\":" +
          json::quote(rg + "/providers/Microsoft.insights/components/emulator-ai") +
          ",\"hbiWorkspace\":false,\"tenantId\":" + json::quote(c.tenant) +
          ",\"imageBuildCompute\":null,\"provisioningState\":\"Succeeded\",\"v1LegacyMode\":false,"
          "\"softDeleteEnabled\":false,\"containerRegistry\":" +
          json::quote(rg + "/providers/Microsoft.ContainerRegistry/registries/emulatorcr") +
          ",\"notebookInfo\":{\"resourceId\":\"" + ids::guidFromName("nb:" + id) + "\",\"fqdn\":" +
          json::quote("ml-" + c.workspace + "-" + c.region + "-" + workspaceGuid + "." + c.region +
                      ".notebooks.azure.net") +
          ",\"isPrivateLinkEnabled\":false,\"notebookPreparationError\":null},\"storageHnsEnabled\":false,"
          "\"workspaceId\":\"" +
          workspaceGuid +
          "\",\"linkedModelInventoryArmId\":null,\"privateLinkCount\":0,"
          "\"publicNetworkAccess\":\"Enabled\",\"discoveryUrl\":" +
          json::quote(state.baseUrl + "/discovery") + ",\"mlFlowTrackingUri\":" +
          json::quote("azureml://" + c.region + ".api.azureml.ms/mlflow/v1.0" + id) +
          ",\"sdkTelemetryAppInsightsKey\":\"" + ids::guidFromName("ai:" + id) +
          "\",\"sasGetterUri\":\"\",\"enableDataIsolation\":false},"
          "\"identity\":{\"type\":\"SystemAssigned\",\"principalId\":\"" +
          ids::guidFromName("ws:" + id) + "\",\"tenantId\":" + json::quote(c.tenant) +
          "},\"kind\":\"Default\",\"sku\":{\"name\":\"Basic\","
          "\"tier\":\"Basic\"},\"systemData\":{\"createdAt\":\"2024-01-15T09:00:00.0000000Z\","
          "\"createdBy\":\"emulator\",\"createdByType\":\"User\",\"lastModifiedAt\":\"2024-01-15T09:00:00."
          "0000000Z\","
          "\"lastModifiedBy\":\"emulator\",\"lastModifiedByType\":\"User\"}}");
}

Reply listJobs(const EmulatorState& state, const Request& request) {
  Workspace::ListQuery query;
  query.jobType = request.param("jobType");
  query.tag = request.param("tag");
  query.listViewType = request.param("listViewType");
  query.pageSize = static_cast<size_t>(std::max(1, state.options.listPageSize));
  if (!query.listViewType.empty() && query.listViewType != "ActiveOnly" &&
      query.listViewType != "ArchivedOnly" && query.listViewType != "All")
    return armError(400, "InvalidRequestContent",
                    "listViewType '" + query.listViewType + "' is not one of ActiveOnly, ArchivedOnly, All.",
                    "listViewType");
  for (const auto& item :
       Poco::StringTokenizer(request.param("properties"), ",",
                             Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos)
      query.properties.emplace_back(item, std::nullopt);
    else
      query.properties.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  if (request.hasParam("$skip")) {
    auto start = decodeSkip(request.param("$skip"));
    if (!start)
      return armError(400, "InvalidSkipToken", "The $skip continuation token is not valid.", "$skip");
    query.start = *start;
  }
  const auto page = state.workspace.list(query);
  std::string body = "{\"value\":[";
  for (size_t i = 0; i < page.items.size(); ++i) {
    if (i) body += ',';
    body += page.items[i];
  }
  body += "]";
  if (page.next) {
    // Every filter travels in the link, so following it verbatim gives the next page of the same list.
    std::string link = state.baseUrl + state.context->workspaceId() +
                       "/jobs?api-version=" + urlEncode(request.param("api-version")) +
                       "&$skip=" + encodeSkip(*page.next);
    for (const char* name : {"jobType", "tag", "listViewType", "properties"})
      if (request.hasParam(name)) link += std::string("&") + name + "=" + urlEncode(request.param(name));
    body += ",\"nextLink\":" + json::quote(link);
  }
  body += "}";
  return Reply::json(200, std::move(body));
}

Reply notFound(const EmulatorState& state, const std::string& job) {
  return armError(404, "ResourceNotFound",
                  "Job '" + job + "' was not found in workspace '" + state.options.workspace + "'.");
}

Reply getJob(const EmulatorState& state, const RouteMatch& match) {
  auto rendered = state.workspace.renderJob(match.job);
  if (!rendered) return notFound(state, match.job);
  return Reply::json(200, std::move(*rendered));
}

Reply putJob(EmulatorState& state, const Request& request, const RouteMatch& match, const TokenInfo& token) {
  ValidatedJob validated;
  try {
    PipelineJobValidator::checkJobName(match.job);
    validated = PipelineJobValidator::validate(request.body);
  } catch (const JobRejection& e) {
    return armError(e.status, e.code, e.what(), e.target);
  }
  // A job that runs as its submitter may carry the submitter's Azure ML token; azure-ai-ml 1.4.0 sends none
  // when identity is null, and Azure accepts that, so only a token that is present is checked.
  if (validated.needsUserToken && request.headers.has("x-azureml-token")) {
    auto outcome = authenticate(state, request, "x-azureml-token", &EmulatorState::isMlAudience,
                                listOf(state.mlAudiences));
    if (auto* failure = std::get_if<Reply>(&outcome)) return *failure;
  }
  auto outcome = state.workspace.store(match.job, validated, token.clientId);
  Reply reply = Reply::json(outcome.status, std::move(outcome.body));
  if (outcome.status == 201)
    reply.set("Location", state.baseUrl + state.context->workspaceId() + "/jobs/" + match.job +
                              "?api-version=" + urlEncode(request.param("api-version")));
  return reply;
}

// Azure answers a cancel with 200 and an empty body, no Location, whether the job was running or had already
// finished; the run then moves to CancelRequested and Canceled on its own.
Reply cancelJob(EmulatorState& state, const RouteMatch& match) {
  const auto result = state.workspace.cancel(match.job);
  if (result == Workspace::CancelResult::NotFound) return notFound(state, match.job);
  Reply reply;
  reply.contentType.clear();
  reply.status = 200;
  return reply;
}

}  // namespace

Reply handleArmRequest(EmulatorState& state, const Request& request, const RouteMatch& match) {
  if (!match.methodAllowed)
    return armError(405, "MethodNotAllowed",
                    "The requested method '" + request.method + "' is not allowed on this resource.");
  auto outcome = authenticate(state, request, "Authorization", &EmulatorState::isArmAudience,
                              listOf(state.armAudiences));
  if (auto* failure = std::get_if<Reply>(&outcome)) return *failure;
  const TokenInfo token = std::get<TokenInfo>(outcome);
  const bool write = request.method != "GET";
  const auto decision = state.throttle.take(token.clientId, write, timetext::nowMillis());
  const std::string remainingHeader =
      write ? "x-ms-ratelimit-remaining-subscription-writes" : "x-ms-ratelimit-remaining-subscription-reads";
  Reply reply = [&] {
    if (!decision.allowed) {
      Reply throttled = faultStatusReply("jobs", 429);
      throttled.set("Retry-After", std::to_string(decision.retryAfterSeconds));
      return throttled;
    }
    if (auto failure = checkApiVersion(state, request, match)) return *failure;
    if (auto failure = checkScope(state, match)) return *failure;
    if (auto failure = checkRole(state, token, match, write)) return *failure;
    switch (match.route) {
      case Route::Workspace:
        return workspaceResource(state);
      case Route::JobsList:
        return listJobs(state, request);
      case Route::JobsGet:
        return getJob(state, match);
      case Route::JobsPut:
        return putJob(state, request, match, token);
      case Route::ComputeGet:
        return computeResource(state, match.job);
      case Route::ComponentGet:
        return componentVersion(state, match.job, match.version);
      case Route::DatastoreList:
        return datastoreList(state);
      case Route::DatastoreGet:
        return datastoreResource(state, match.job);
      default:
        return cancelJob(state, match);
    }
  }();
  reply.set(remainingHeader, std::to_string(decision.remaining));
  reply.principal = token.clientId;
  return reply;
}

}  // namespace azureml_emulator
