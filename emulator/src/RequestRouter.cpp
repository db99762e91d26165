#include "RequestRouter.h"

#include <Poco/String.h>

namespace azureml_emulator {

namespace {

bool same(const std::string& a, const char* b) { return Poco::icompare(a, b) == 0; }

// Matches subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}
// starting at segments[at]; returns the index after it, or 0 when it does not match.
size_t matchWorkspaceScope(const std::vector<std::string>& s, size_t at, RouteMatch& match) {
  if (s.size() < at + 8) return 0;
  if (!same(s[at], "subscriptions") || !same(s[at + 2], "resourceGroups") || !same(s[at + 4], "providers") ||
      !same(s[at + 5], "Microsoft.MachineLearningServices") || !same(s[at + 6], "workspaces"))
    return 0;
  match.subscription = s[at + 1];
  match.resourceGroup = s[at + 3];
  match.workspace = s[at + 7];
  return at + 8;
}

void expect(RouteMatch& match, Route route, const std::string& method, const char* allowed) {
  match.route = route;
  match.methodAllowed = method == allowed;
}

void classifyArm(const Request& request, const std::vector<std::string>& s, size_t after, RouteMatch& match) {
  const std::string& m = request.method;
  const size_t rest = s.size() - after;
  if (rest == 0) return expect(match, Route::Workspace, m, "GET");
  if (same(s[after], "computes") && rest == 2) {
    match.job = s[after + 1];
    return expect(match, Route::ComputeGet, m, "GET");
  }
  if (same(s[after], "components") && rest == 4 && same(s[after + 2], "versions")) {
    match.job = s[after + 1];
    match.version = s[after + 3];
    return expect(match, Route::ComponentGet, m, "GET");
  }
  if (same(s[after], "datastores") && rest <= 2) {
    if (rest == 1) return expect(match, Route::DatastoreList, m, "GET");
    match.job = s[after + 1];
    return expect(match, Route::DatastoreGet, m, "GET");
  }
  if (!same(s[after], "jobs")) return;
  if (rest == 1) return expect(match, Route::JobsList, m, "GET");
  match.job = s[after + 1];
  if (rest == 2) {
    match.route = m == "PUT" ? Route::JobsPut : Route::JobsGet;
    match.methodAllowed = m == "PUT" || m == "GET";
    return;
  }
  if (rest == 3 && same(s[after + 2], "cancel")) return expect(match, Route::JobsCancel, m, "POST");
}

void classifyHistory(const Request& request, const std::vector<std::string>& s, RouteMatch& match) {
  // history/v1.0/<scope>/runs/{id}[/details|/children]
  if (s.size() < 2 || !same(s[1], "v1.0")) return;
  const size_t after = matchWorkspaceScope(s, 2, match);
  if (after == 0 || s.size() < after + 2 || !same(s[after], "runs")) return;
  match.job = s[after + 1];
  const size_t rest = s.size() - after - 2;
  if (rest == 0) return expect(match, Route::HistoryRun, request.method, "GET");
  if (rest == 1 && same(s[after + 2], "details")) {
    match.detail = "details";
    return expect(match, Route::HistoryRun, request.method, "GET");
  }
  if (rest == 1 && same(s[after + 2], "children")) {
    match.detail = "children";
    return expect(match, Route::HistoryChildren, request.method, "GET");
  }
}

}  // namespace

const char* routeName(Route route) {
  switch (route) {
    case Route::Token:
      return "token";
    case Route::Imds:
      return "imds";
    case Route::AppService:
      return "appservice";
    case Route::Workspace:
      return "workspace";
    case Route::Discovery:
      return "discovery";
    case Route::JobsList:
      return "jobs.list";
    case Route::JobsGet:
      return "jobs.get";
    case Route::JobsPut:
      return "jobs.put";
    case Route::JobsCancel:
      return "jobs.cancel";
    case Route::HistoryRun:
      return "history.run";
    case Route::HistoryChildren:
      return "history.children";
    case Route::Admin:
      return "admin";
    case Route::ComputeGet:
      return "computes.get";
    case Route::ComponentGet:
      return "components.get";
    case Route::DatastoreList:
      return "datastores.list";
    case Route::DatastoreGet:
      return "datastores.get";
    default:
      return "unknown";
  }
}

bool isArmRoute(Route route) {
  return route == Route::Workspace || route == Route::JobsList || route == Route::JobsGet ||
         route == Route::JobsPut || route == Route::JobsCancel || route == Route::ComputeGet ||
         route == Route::ComponentGet || route == Route::DatastoreList || route == Route::DatastoreGet;
}

RouteMatch classifyRequest(const Request& request) {
  RouteMatch match;
  const auto& s = request.segments;
  if (s.empty()) return match;
  if (s[0] == "_admin") {
    match.route = Route::Admin;
    return match;
  }
  if (s.size() == 4 && s[1] == "oauth2" && s[2] == "v2.0" && s[3] == "token") {
    match.tenant = s[0];
    expect(match, Route::Token, request.method, "POST");
    return match;
  }
  if (s.size() == 4 && s[0] == "metadata" && s[1] == "identity" && s[2] == "oauth2" && s[3] == "token") {
    expect(match, Route::Imds, request.method, "GET");
    return match;
  }
  if (s.size() == 2 && s[0] == "msi" && s[1] == "token") {
    expect(match, Route::AppService, request.method, "GET");
    return match;
  }
  if (s.size() == 1 && s[0] == "discovery") {
    expect(match, Route::Discovery, request.method, "GET");
    return match;
  }
  if (same(s[0], "history")) {
    classifyHistory(request, s, match);
    return match;
  }
  if (const size_t after = matchWorkspaceScope(s, 0, match); after != 0)
    classifyArm(request, s, after, match);
  return match;
}

}  // namespace azureml_emulator
