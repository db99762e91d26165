#include <Poco/NumberParser.h>
#include <Poco/String.h>

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
  return "{\"error\":{\"code\":" + json::quote(state.errorCode) + ",\"severity\":null,\"message\":" +
         json::quote(state.errorMessage) + ",\"messageFormat\":null,\"messageParameters\":{},\"referenceCode\":null,"
         "\"detailsUri\":null,\"target\":null,\"details\":[],\"innerError\":null,\"debugInfo\":null,"
         "\"additionalInfo\":null},\"correlation\":null,\"environment\":null,\"location\":null,\"time\":" +
         json::quote(timetext::runHistory(state.endMs)) + ",\"componentName\":\"azureml.PipelineRun\"}";
}

std::string runJson(const Job& job, const RunState& run, bool details) {
  const JobBody& body = *job.body;
  std::string out = "{\"runId\":" + json::quote(job.name) + ",\"runUuid\":\"" + ids::guidFromName("run:" + job.name) +
                    "\",\"parentRunId\":null,\"rootRunId\":" + json::quote(job.name) +
                    ",\"experimentId\":\"" + ids::guidFromName("experiment:" + body.experimentName) +
                    "\",\"experimentName\":" + json::quote(body.experimentName) +
                    ",\"status\":" + json::quote(run.status) + ",\"createdUtc\":" +
                    json::quote(timetext::runHistory(job.createdAtMs)) + ",\"startTimeUtc\":" + timeOrNull(run.startMs) +
                    ",\"endTimeUtc\":" + timeOrNull(run.endMs) + ",\"error\":" + errorOrNull(run) +
                    ",\"runType\":\"azureml.PipelineRun\",\"displayName\":" +
                    json::quote(body.displayName.empty() ? job.name : body.displayName) + ",\"description\":" +
                    json::quote(body.description) + ",\"target\":" + json::quote(body.computeId) + ",\"tags\":" +
                    *job.tagsJson + ",\"properties\":{\"azureml.runsource\":\"azureml.PipelineRun\","
                    "\"runSource\":\"MFE\",\"runType\":\"HTTP\"}";
  if (details)
    out += ",\"warnings\":[],\"inputDatasets\":[],\"outputDatasets\":[],\"runDefinition\":null,\"logFiles\":{},"
           "\"services\":{},\"revision\":" + std::to_string(1 + (run.startMs != 0) + (run.endMs != 0));
  return out + "}";
}

std::string stepJson(const Job& job, const StepState& step) {
  const std::string id = ids::guidFromName("step:" + job.name + "/" + step.name);
  return "{\"runId\":\"" + id + "\",\"runUuid\":\"" + id + "\",\"parentRunId\":" + json::quote(job.name) +
         ",\"rootRunId\":" + json::quote(job.name) + ",\"status\":" + json::quote(step.status) +
         ",\"startTimeUtc\":" + timeOrNull(step.startMs) + ",\"endTimeUtc\":" + timeOrNull(step.endMs) +
         ",\"error\":" + errorOrNull(step) + ",\"runType\":\"azureml.StepRun\",\"name\":" + json::quote(step.name) +
         ",\"displayName\":" + json::quote(step.name) + ",\"tags\":{},\"properties\":{\"azureml.nodeid\":\"" +
         id.substr(0, 8) + "\",\"StepType\":\"CommandStep\"}}";
}

Reply children(const EmulatorState& state, const Request& request, const Job& job, int64_t now) {
  const auto steps = state.workspace.clock().steps(job, now);
  size_t top = kDefaultChildrenPage;
  unsigned parsed = 0;
  if (request.hasParam("$top") && Poco::NumberParser::tryParseUnsigned(request.param("$top"), parsed) && parsed > 0)
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
    body += stepJson(job, steps[i]);
  }
  body += "],\"continuationToken\":";
  if (end < steps.size()) {
    const std::string token = std::to_string(end);
    body += json::quote(token) + ",\"nextLink\":" +
            json::quote(state.baseUrl + request.path + "?$top=" + std::to_string(top) + "&$continuationtoken=" + token);
  } else {
    body += "null,\"nextLink\":null";
  }
  return Reply::json(200, body + "}");
}

}  // namespace

Reply handleDiscoveryRequest(EmulatorState& state, const Request&) {
  const std::string base = json::quote(state.baseUrl);
  std::string body = "{";
  bool first = true;
  for (const char* service : {"api", "catalog", "experimentation", "gallery", "history", "hyperdrive", "labeling",
                              "modelmanagement", "pipelines", "studiometadata"}) {
    if (!first) body += ',';
    first = false;
    body += std::string("\"") + service + "\":" + base;
  }
  return Reply::json(200, body + "}");
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
      Poco::icompare(match.resourceGroup, o.resourceGroup) != 0 || Poco::icompare(match.workspace, o.workspace) != 0)
    return armError(404, "UserError", "Workspace '" + match.workspace + "' in resource group '" + match.resourceGroup +
                                          "' of subscription '" + match.subscription + "' was not found.");
  const int64_t now = timetext::nowMillis();
  Reply reply;
  const bool found = state.workspace.withJob(match.job, [&](const Job& job) {
    if (match.route == Route::HistoryChildren) {
      reply = children(state, request, job, now);
    } else {
      reply = Reply::json(200, runJson(job, state.workspace.clock().run(job, now), match.detail == "details"));
    }
  });
  if (!found) reply = armError(404, "UserError", "Run " + match.job + " was not found.");
  reply.principal = principal;
  return reply;
}

}  // namespace azureml_emulator
