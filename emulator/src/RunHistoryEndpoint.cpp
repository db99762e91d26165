#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <cstdio>
#include <utility>

#include "ArmAuthenticator.h"
#include "ArmError.h"
#include "Ids.h"
#include "JobBody.h"
#include "JsonText.h"
#include "RunClock.h"
#include "ServiceEndpoints.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

constexpr size_t kDefaultChildrenPage = 50;

std::string timeOrNull(int64_t ms) { return ms == 0 ? "null" : json::quote(timetext::runHistory(ms)); }

std::string errorOrNull(const RunState& state) {
  if (state.errorMessage.empty()) return "null";
  return "{\"error\":{\"code\":" + json::quote(state.errorCode) +
         ",\"severity\":null,\"message\":" + json::quote(state.errorMessage) +
         ",\"messageFormat\":null,\"messageParameters\":{},\"referenceCode\":null,"
         "\"detailsUri\":null,\"target\":null,\"details\":[],\"innerError\":null,\"debugInfo\":null,"
         "\"additionalInfo\":null},\"correlation\":null,\"environment\":null,\"location\":null,\"time\":" +
         json::quote(timetext::runHistory(state.endMs)) + ",\"componentName\":\"azureml.PipelineRun\"}";
}

// A .NET TimeSpan, as Run History writes durations: 00:01:08.7371020.
std::string timeSpan(int64_t ms) {
  char text[40];
  std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld0000", static_cast<long long>(ms / 3'600'000),
                static_cast<long long>(ms / 60'000 % 60), static_cast<long long>(ms / 1000 % 60),
                static_cast<long long>(ms % 1000));
  return text;
}

std::string user(const EmulatorState& state, const Job& job) {
  return "{\"userObjectId\":\"" + ids::guidFromName("oid:" + job.createdBy) +
         "\",\"userPuId\":null,\"userIdp\":null,\"userAltSecId\":null,\"userIss\":\"https://"
         "sts.windows.net/" +
         state.context->tenant + "/\",\"userTenantId\":\"" + state.context->tenant +
         "\",\"userName\":" + json::quote(job.createdBy) + ",\"upn\":null}";
}

// One run as Run History answers it: a Run (runs/{id}, children) or a RunDetails (runs/{id}/details), with
// the members the recorded replies carry, unset ones null.
struct RunView {
  std::string runId, parentRunId, name, displayName, description, runType, target, tagsJson, propertiesJson;
  const RunState* state = nullptr;
};

std::string runJson(const EmulatorState& state, const Job& job, const RunView& v, bool details) {
  const RunState& run = *v.state;
  const std::string uuid = ids::guidFromName("run:" + v.runId);
  const std::string rootUuid = ids::guidFromName("run:" + job.name);
  const std::string created = json::quote(timetext::runHistory(job.createdAtMs));
  const std::string duration =
      run.startMs != 0 && run.endMs != 0 ? json::quote(timeSpan(run.endMs - run.startMs)) : "null";
  const std::string who = user(state, job);
  const std::string parentUuid = v.parentRunId.empty() ? "null" : json::quote(rootUuid);
  const std::string parent = v.parentRunId.empty() ? "null" : json::quote(v.parentRunId);
  const std::string traits = v.parentRunId.empty()
                                 ? "[\"azureml.PipelineRun\",\"MFE\",\"HTTP\",\"DevPlatv2\"]"
                                 : "[\"azureml.StepRun\"]";
  const std::string runTypeV2 =
      "{\"orchestrator\":" + std::string(v.parentRunId.empty() ? "\"Pipeline\"" : "null") +
      ",\"traits\":" + traits + ",\"attribution\":null,\"computeType\":null}";
  const std::string revision = std::to_string(1 + (run.startMs != 0) + (run.endMs != 0));
  const std::string experimentId = ids::guidFromName("experiment:" + job.body->experimentName);
  if (details)
    return "{\"runId\":" + json::quote(v.runId) + ",\"runUuid\":\"" + uuid +
           "\",\"parentRunUuid\":" + parentUuid + ",\"rootRunUuid\":\"" + rootUuid +
           "\",\"target\":" + json::quote(v.target) + ",\"status\":" + json::quote(run.status) +
           ",\"parentRunId\":" + parent + ",\"createdTimeUtc\":" + created +
           ",\"startTimeUtc\":" + timeOrNull(run.startMs) + ",\"endTimeUtc\":" + timeOrNull(run.endMs) +
           ",\"error\":" + errorOrNull(run) + ",\"warnings\":null,\"tags\":" + v.tagsJson +
           ",\"properties\":" + v.propertiesJson +
           ",\"parameters\":{},\"services\":{},\"inputDatasets\":[],\"outputDatasets\":[],"
           "\"runDefinition\":null,\"logFiles\":{},\"jobCost\":null,\"revision\":" +
           revision + ",\"runTypeV2\":" + runTypeV2 +
           ",\"settings\":{},\"computeRequest\":null,\"compute\":null,"
           "\"createdBy\":" +
           who + ",\"computeDuration\":" + duration +
           ",\"effectiveStartTimeUtc\":null,"
           "\"runNumber\":" +
           std::to_string(job.createdAtMs / 1000) + ",\"rootRunId\":" + json::quote(job.name) +
           ",\"experimentId\":\"" + experimentId + "\",\"userId\":\"" +
           ids::guidFromName("oid:" + job.createdBy) +
           "\",\"statusRevision\":0,\"hasVirtualParent\":false,\"currentComputeTime\":null,"
           "\"lastStartTimeUtc\":null,\"lastModifiedBy\":" +
           who + ",\"lastModifiedUtc\":" + created + ",\"duration\":" + duration +
           ",\"inputs\":null,\"outputs\":null}";
  return "{\"runNumber\":" + std::to_string(job.createdAtMs / 1000) +
         ",\"rootRunId\":" + json::quote(job.name) + ",\"createdUtc\":" + created + ",\"createdBy\":" + who +
         ",\"userId\":\"" + ids::guidFromName("oid:" + job.createdBy) +
         "\",\"token\":null,\"tokenExpiryTimeUtc\":null,\"error\":" + errorOrNull(run) +
         ",\"warnings\":null,\"revision\":" + revision + ",\"statusRevision\":0,\"runUuid\":\"" + uuid +
         "\",\"parentRunUuid\":" + parentUuid + ",\"rootRunUuid\":\"" + rootUuid +
         "\",\"lastStartTimeUtc\":null,\"currentComputeTime\":null,\"computeDuration\":" + duration +
         ",\"effectiveStartTimeUtc\":null,\"lastModifiedBy\":" + who + ",\"lastModifiedUtc\":" + created +
         ",\"duration\":" + duration +
         ",\"cancelationReason\":null,\"currentAttemptId\":null,\"runId\":" + json::quote(v.runId) +
         ",\"parentRunId\":" + parent + ",\"experimentId\":\"" + experimentId +
         "\",\"status\":" + json::quote(run.status) + ",\"startTimeUtc\":" + timeOrNull(run.startMs) +
         ",\"endTimeUtc\":" + timeOrNull(run.endMs) +
         ",\"scheduleId\":null,\"displayName\":" + json::quote(v.displayName) +
         ",\"name\":" + (v.name.empty() ? std::string("null") : json::quote(v.name)) +
         ",\"dataContainerId\":\"dcid." + v.runId +
         "\",\"description\":" + (v.description.empty() ? std::string("null") : json::quote(v.description)) +
         ",\"hidden\":false,\"runType\":" + json::quote(v.runType) + ",\"runTypeV2\":" + runTypeV2 +
         ",\"properties\":" + v.propertiesJson +
         ",\"parameters\":{},\"actionUris\":{},\"scriptName\":null,"
         "\"target\":" +
         json::quote(v.target) + ",\"uniqueChildRunComputeTargets\":[],\"tags\":" + v.tagsJson +
         ",\"settings\":{},\"services\":{},\"inputDatasets\":[],\"outputDatasets\":[],\"runDefinition\":null,"
         "\"jobSpecification\":null,\"primaryMetricName\":null,\"createdFrom\":null,\"cancelUri\":null,"
         "\"completeUri\":null,\"diagnosticsUri\":null,\"computeRequest\":null,\"compute\":null,"
         "\"retainForLifetimeOfWorkspace\":null,\"queueingInfo\":null,\"inputs\":null,\"outputs\":null}";
}

std::string computeName(const std::string& computeId) {
  const size_t slash = computeId.find_last_of('/');
  return slash == std::string::npos ? computeId : computeId.substr(slash + 1);
}

std::string pipelineRunJson(const EmulatorState& state, const Job& job, const RunState& run, bool details) {
  const JobBody& body = *job.body;
  RunView v;
  v.runId = job.name;
  v.displayName = body.displayName.empty() ? job.name : body.displayName;
  v.description = body.description;
  v.runType = "azureml.PipelineRun";
  v.target = computeName(body.computeId);
  v.tagsJson = *job.tagsJson;
  v.propertiesJson = "{" + body.serverProperties + "}";
  v.state = &run;
  return runJson(state, job, v, details);
}

// A step's run: its id is a GUID, its name the step's component and its display name the node's name.
std::string stepJson(const EmulatorState& state, const Job& job, const StepState& step, size_t index) {
  const std::string id = ids::guidFromName("step:" + job.name + "/" + step.name);
  const std::string nodeId = id.substr(0, 8);
  const std::string component =
      index < job.body->stepComponents.size() ? job.body->stepComponents[index] : step.name;
  RunView v;
  v.runId = id;
  v.parentRunId = job.name;
  v.name = component;
  v.displayName = step.name;
  v.runType = "azureml.StepRun";
  v.target = computeName(job.body->computeId);
  v.tagsJson = "{\"azureml.nodeid\":\"" + nodeId + "\",\"azureml.pipeline\":" + json::quote(job.name) + "}";
  v.propertiesJson = "{\"azureml.runsource\":\"azureml.StepRun\",\"azureml.nodeid\":\"" + nodeId +
                     "\",\"StepType\":\"PythonScriptStep\",\"azureml.moduleName\":" + json::quote(component) +
                     ",\"azureml.pipeline\":" + json::quote(job.name) +
                     ",\"azureml.pipelinerunid\":" + json::quote(job.name) +
                     ",\"azureml.DevPlatv2\":\"true\"}";
  v.state = &step;
  return runJson(state, job, v, false);
}

Reply children(const EmulatorState& state, const Request& request, const Job& job, int64_t now) {
  const auto steps = state.workspace.clock().steps(job, now);
  size_t top = kDefaultChildrenPage;
  unsigned parsed = 0;
  if (request.hasParam("$top") && Poco::NumberParser::tryParseUnsigned(request.param("$top"), parsed) &&
      parsed > 0)
    top = parsed;
  size_t start = 0;
  if (request.hasParam("$continuationtoken")) {
    if (!Poco::NumberParser::tryParseUnsigned(request.param("$continuationtoken"), parsed))
      return armError(400, "UserError", "The continuation token is not valid.", "$continuationtoken");
    start = parsed;
  }
  std::string body = "{\"value\":[";
  const size_t end = std::min(steps.size(), start + top);
  for (size_t i = start; i < end; ++i) {
    if (i > start) body += ',';
    body += stepJson(state, job, steps[i], i);
  }
  body += "]";
  // The last (or only) page is {"value": [...]} alone, as recorded; earlier ones say where to go on.
  if (end < steps.size()) {
    const std::string token = std::to_string(end);
    body += ",\"continuationToken\":" + json::quote(token) + ",\"nextLink\":" +
            json::quote(state.baseUrl + request.path + "?$top=" + std::to_string(top) +
                        "&$continuationtoken=" + token);
  }
  return Reply::json(200, body + "}");
}

}  // namespace

std::string runById(const EmulatorState& state, const Job& job, int64_t now, bool details) {
  return pipelineRunJson(state, job, state.workspace.clock().run(job, now), details);
}

// The emulator's base URL under its other loopback name (127.0.0.1 <-> localhost; the certificate covers
// both).
std::string historyBaseUrl(const std::string& base) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"://127.0.0.1:", "://localhost:"},
                                 {"://localhost:", "://127.0.0.1:"}}) {
    const size_t at = base.find(from);
    if (at != std::string::npos) return base.substr(0, at) + to + base.substr(at + from.size());
  }
  return base;
}

Reply handleDiscoveryRequest(EmulatorState& state, const Request&) {
  // Azure's keys. `api` is where Azure's SDK v2 calls Run History (this server); `history` and its siblings
  // name the older experiments host, which Azure keeps separate: here the same server under another loopback
  // name, so a client that picks the wrong key is seen. The others are Azure's own, never called.
  const std::string api = json::quote(state.baseUrl);
  const std::string history = json::quote(historyBaseUrl(state.baseUrl));
  return Reply::json(
      200, "{\"api\":" + api +
               ",\"catalog\":\"https://catalog.cortanaanalytics.com\",\"experimentation\":" + history +
               ",\"gallery\":\"https://gallery.cortanaintelligence.com/project\",\"history\":" + history +
               ",\"hyperdrive\":" + history + ",\"labeling\":" + history + ",\"modelmanagement\":" + api +
               ",\"pipelines\":" + api +
               ",\"studio\":" + json::quote("https://" + state.context->studioHost) + "}");
}

Reply handleRunHistoryRequest(EmulatorState& state, const Request& request, const RouteMatch& match) {
  if (!match.methodAllowed)
    return armError(405, "MethodNotAllowed", "The requested method '" + request.method + "' is not allowed.");
  std::string audiences;
  for (const auto& a : state.armAudiences) audiences += (audiences.empty() ? "'" : ", '") + a + "'";
  for (const auto& a : state.mlAudiences) audiences += ", '" + a + "'";
  auto outcome = authenticate(state, request, "Authorization", &EmulatorState::isHistoryAudience, audiences);
  if (auto* failure = std::get_if<Reply>(&outcome)) return *failure;
  const std::string principal = std::get<TokenInfo>(outcome).clientId;
  const auto& o = state.options;
  if (Poco::icompare(match.subscription, o.subscription) != 0 ||
      Poco::icompare(match.resourceGroup, o.resourceGroup) != 0 ||
      Poco::icompare(match.workspace, o.workspace) != 0)
    return armError(404, "UserError",
                    "Workspace '" + match.workspace + "' in resource group '" + match.resourceGroup +
                        "' of subscription '" + match.subscription + "' was not found.");
  const int64_t now = timetext::nowMillis();
  const auto decision = state.historyThrottle.take(principal, false, now);
  if (!decision.allowed) {
    // RequestThrottled is one of the codes Run History's error model lists; it states no remaining budget.
    Reply throttled = armError(429, "RequestThrottled",
                               "The request was throttled. Retry after the time in the "
                               "Retry-After header.");
    throttled.set("Retry-After", std::to_string(decision.retryAfterSeconds));
    throttled.principal = principal;
    return throttled;
  }
  Reply reply;
  const bool found = state.workspace.withJob(match.job, [&](const Job& job) {
    if (match.route == Route::HistoryChildren) {
      reply = children(state, request, job, now);
    } else {
      reply = Reply::json(200, runById(state, job, now, match.detail == "details"));
    }
  });
  if (!found) reply = armError(404, "UserError", "Run " + match.job + " was not found.");
  reply.principal = principal;
  return reply;
}

}  // namespace azureml_emulator
