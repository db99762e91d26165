#include "AdminEndpoint.h"

#include <Poco/JSON/Object.h>

#include <stdexcept>

#include "JsonText.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

Reply badRequest(const std::string& message) {
  return Reply::json(400,
                     "{\"error\":{\"code\":\"BadAdminRequest\",\"message\":" + json::quote(message) + "}}");
}

Reply ok(const std::string& body = "{}") { return Reply::json(200, body); }

Reply stats(const EmulatorState& state, const std::function<ConnectionStats()>& connections) {
  std::string tokens = "{";
  for (const auto& [client, count] : state.tokens.counts())
    tokens += (tokens.size() > 1 ? "," : "") + json::quote(client) + ":" + std::to_string(count);
  tokens += "}";
  std::string requests = "{";
  for (size_t i = 0; i < state.requestsPerRoute.size(); ++i) {
    const auto route = static_cast<Route>(i);
    if (route == Route::Admin) continue;
    requests += (requests.size() > 1 ? "," : "") + json::quote(routeName(route)) + ":" +
                std::to_string(state.requestsPerRoute[i].load());
  }
  requests += "}";
  const ConnectionStats c = connections ? connections() : ConnectionStats{};
  return ok("{\"tokensIssued\":" + tokens + ",\"tokensIssuedTotal\":" + std::to_string(state.tokens.total()) +
            ",\"requests\":" + requests + ",\"connectionsAccepted\":" + std::to_string(c.accepted) +
            ",\"currentConnections\":" + std::to_string(c.current) +
            ",\"jobs\":" + std::to_string(state.workspace.jobCount()) + "}");
}

Reply mintToken(EmulatorState& state, const Poco::JSON::Object::Ptr& body) {
  const std::string audience = json::stringOf(body, "audience");
  if (audience.empty())
    return badRequest("POST /_admin/tokens needs {\"audience\": \"https://management.azure.com\"}");
  std::string clientId = json::stringOf(body, "clientId");
  if (clientId.empty()) clientId = state.builtInClientId;
  std::string role = json::stringOf(body, "role");
  if (role.empty()) role = "Contributor";
  const int lifetime = body->has("lifetimeSeconds") ? body->getValue<int>("lifetimeSeconds")
                                                    : state.options.tokenLifetimeSeconds;
  auto issued = state.tokens.issue(audience, clientId, role, lifetime);
  return ok("{\"access_token\":" + json::quote(issued.token) +
            ",\"token_type\":\"Bearer\",\"expires_on\":" + std::to_string(issued.expiresAtMs / 1000) +
            ",\"audience\":" + json::quote(audience) + ",\"clientId\":" + json::quote(clientId) + "}");
}

Reply registerClient(EmulatorState& state, const Poco::JSON::Object::Ptr& body) {
  const std::string clientId = json::stringOf(body, "clientId");
  if (clientId.empty()) return badRequest("POST /_admin/clients needs a \"clientId\"");
  std::string tenant = json::stringOf(body, "tenant");
  if (tenant.empty()) tenant = state.options.tenant;
  std::string role = json::stringOf(body, "role");
  if (role.empty()) role = "Contributor";
  if (body->has("secret")) {
    state.clients.addSecret(tenant, clientId, json::stringOf(body, "secret"), role);
  } else if (body->has("certificatePem")) {
    state.clients.addCertificate(tenant, clientId, json::stringOf(body, "certificatePem"), role);
  } else if (body->has("federated") && body->getValue<bool>("federated")) {
    state.clients.addFederated(tenant, clientId, role);
  } else if (body->has("managedIdentity") && body->getValue<bool>("managedIdentity")) {
    state.clients.addManagedIdentity(clientId, role);
  } else {
    return badRequest(
        "a client needs \"secret\", \"certificatePem\", \"federated\": true or \"managedIdentity\": true");
  }
  return ok();
}

Reply jobs(EmulatorState& state, const Request& request, const Poco::JSON::Object::Ptr& body) {
  const auto& s = request.segments;  // _admin, jobs, ...
  if (s.size() == 2 && request.method == "GET")
    return ok("{\"count\":" + std::to_string(state.workspace.jobCount()) + "}");
  if (s.size() == 3 && s[2] == "generate" && request.method == "POST") {
    const size_t count = static_cast<size_t>(body->getValue<int>("count"));
    std::string source = json::stringOf(body, "template");
    if (source.empty()) source = "train-pipeline-template";
    state.workspace.generateJobs(
        count, source,
        json::stringOf(body, "prefix").empty() ? "generated-job-" : json::stringOf(body, "prefix"));
    return ok("{\"count\":" + std::to_string(state.workspace.jobCount()) + "}");
  }
  if (s.size() == 3 && s[2] == "large-template" && request.method == "POST") {
    std::string name = json::stringOf(body, "name");
    const auto steps = static_cast<size_t>(body->getValue<int>("steps"));
    name = state.workspace.generateLargeTemplate(steps, name.empty() ? "large-pipeline-template" : name);
    return ok("{\"name\":" + json::quote(name) + "}");
  }
  if (s.size() == 4 && s[3] == "status" && request.method == "POST") {
    if (!state.workspace.overrideStatus(s[2], json::stringOf(body, "status")))
      return Reply::json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":" +
                                  json::quote("no job named '" + s[2] + "'") + "}}");
    return ok();
  }
  return badRequest("unknown /_admin/jobs request");
}

}  // namespace

Reply handleAdminRequest(EmulatorState& state, const Request& request,
                         const std::function<ConnectionStats()>& connections) {
  const auto& s = request.segments;
  const std::string area = s.size() > 1 ? s[1] : "";
  const std::string& m = request.method;
  try {
    Poco::JSON::Object::Ptr body = request.body.empty() ? Poco::JSON::Object::Ptr(new Poco::JSON::Object())
                                                        : json::parseObject(request.body);
    if (area == "faults") {
      if (m == "GET") return ok(state.faults.toJson());
      if (m == "DELETE") return state.faults.clear(), ok();
      if (m == "POST") return state.faults.add(Fault::fromJson(request.body)), ok();
    } else if (area == "journal") {
      if (m == "GET")
        return ok(request.hasParam("route") ? Journal::toJson(state.journal.entries(request.param("route")))
                                            : state.journal.toJson());
      if (m == "DELETE") return state.journal.clear(), ok();
    } else if (area == "stats" && m == "GET") {
      return stats(state, connections);
    } else if (area == "tokens" && m == "POST") {
      return mintToken(state, body);
    } else if (area == "clients" && m == "POST") {
      return registerClient(state, body);
    } else if (area == "jobs") {
      return jobs(state, request, body);
    }
    return Reply::json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":" +
                                json::quote("no admin route " + m + " " + request.path) + "}}");
  } catch (const Poco::Exception& e) {
    return badRequest(e.displayText());
  } catch (const std::exception& e) {
    return badRequest(e.what());
  }
}

}  // namespace azureml_emulator
