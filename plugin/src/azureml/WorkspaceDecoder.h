// WorkspaceDecoder: the workspace resource (GET {arm}/.../workspaces/{ws}) and its service discovery document
// (GET properties.discoveryUrl), read for Test connectivity and for the Run History host
// (docs/azure-contract.md, "Run History"). Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace aifoundry::azureml {

struct WorkspaceInfo {
  std::string name;
  std::string id;            // ARM id
  std::string location;      // e.g. "eastus"
  std::string discoveryUrl;  // properties.discoveryUrl; "" when absent
  std::string tenantId;      // properties.tenantId; "" when absent (then the Monitor URL carries no tid)
  std::string workspaceId;   // properties.workspaceId (a GUID)
  std::string friendlyName;  // properties.friendlyName
};

class WorkspaceDecoder {
 public:
  // Throws AzureMlError(InvalidJson) when the body is not JSON; missing fields are "".
  static WorkspaceInfo decode(std::string_view workspaceJson);

  // The `history` host of a discovery document, without a trailing '/'. Throws AzureMlError(InvalidJson) when
  // the body is not JSON or names no history host.
  static std::string historyHost(std::string_view discoveryJson);
};

}  // namespace aifoundry::azureml
