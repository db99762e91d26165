// MonitorUrl: the Azure ML Studio link of a run (docs/azure-contract.md, "Monitor URL"). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "azureml/WorkspaceRef.h"

namespace aifoundry::azureml {

class MonitorUrl {
 public:
  // studioEndpoint: the job's properties.services.Studio.endpoint ("" when the service did not fill it);
  //   used as is when set.
  // Otherwise:
  // https://{studioHost}/runs/{runId}?wsid=/subscriptions/{sub}/resourcegroups/{rg}/workspaces/{ws}
  //   (the form Azure fills the endpoint with; studioHost may carry its own scheme, e.g. for tests).
  // Either way "&tid={tenantId}" is appended when the tenant is known and the URL has no tid yet, so the
  // portal signs in to the right tenant (as the official SDK does).
  static std::string build(std::string_view studioEndpoint, std::string_view studioHost,
                           const WorkspaceRef& workspace, std::string_view runId,
                           std::string_view tenantId = {});

  // The built form (no Studio endpoint) around the run id, for a caller that builds many runs' links in one
  // workspace: build("", host, workspace, id, tenant) == before + percentEncode(id) + after.
  struct Parts {
    std::string before, after;
  };
  static Parts builtParts(std::string_view studioHost, const WorkspaceRef& workspace,
                          std::string_view tenantId = {});
};

}  // namespace aifoundry::azureml
