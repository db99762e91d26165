// RequestRouter: which service a path belongs to. One port serves them all, as the paths differ:
//   POST /{tenant}/oauth2/v2.0/token                     token
//   GET  /metadata/identity/oauth2/token                  imds
//   GET  /msi/token                                       appservice
//   GET  /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}
//                                                         workspace      (+ /jobs, /jobs/{id},
//                                                         /jobs/{id}/cancel, /computes/{name},
//                                                         /components/{name}/versions/{v}, /datastores,
//                                                         /datastores/{name}: what Azure's SDK reads before a
//                                                         submit)
//   GET  /discovery                                       discovery
//   GET  /history/v1.0/{workspace scope}/runs/{id}[/details|/children]
//   *    /_admin/...                                      admin (not journaled, no faults)
// ARM's fixed segments compare case-insensitively, as ARM does; names are checked by the routes.
#pragma once

#include <string>

#include "HttpExchange.h"

namespace azureml_emulator {

enum class Route {
  Token,
  Imds,
  AppService,
  Workspace,
  Discovery,
  JobsList,
  JobsGet,
  JobsPut,
  JobsCancel,
  HistoryRun,
  HistoryChildren,
  Admin,
  Unknown,
  ComputeGet,
  ComponentGet,
  DatastoreList,
  DatastoreGet,
  Count
};

const char* routeName(Route route);

struct RouteMatch {
  Route route = Route::Unknown;
  bool methodAllowed = true;                           // the path is known but not with this method (405)
  std::string tenant;                                  // token
  std::string subscription, resourceGroup, workspace;  // ARM and history scope, as written in the path
  std::string job;      // job name or run id (or compute, component, datastore name)
  std::string version;  // component version
  std::string detail;   // history: "", "details" or "children"
};

RouteMatch classifyRequest(const Request& request);
bool isArmRoute(Route route);

}  // namespace azureml_emulator
