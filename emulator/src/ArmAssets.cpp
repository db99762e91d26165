#include "ArmAssets.h"

#include <Poco/String.h>

#include "ArmError.h"
#include "Ids.h"
#include "JsonText.h"

namespace azureml_emulator {

namespace {

// Fixed creation data for the workspace's own assets (they predate every job).
const char* kAssetSystemData =
    "{\"createdAt\":\"2024-01-15T09:00:00.0000000+00:00\",\"createdBy\":\"emulator\",\"createdByType\":"
    "\"User\","
    "\"lastModifiedAt\":\"2024-01-15T09:00:00.0000000+00:00\",\"lastModifiedBy\":\"emulator\","
    "\"lastModifiedByType\":\"User\"}";

std::string names(const std::vector<std::string>& keys, const std::string& value) {
  std::string out = "{";
  for (const auto& key : keys) out += (out.size() > 1 ? "," : "") + json::quote(key) + ":" + value;
  return out + "}";
}

Reply notFound(const std::string& what) { return armError(404, "NotFound", "Not found " + what + "."); }

}  // namespace

Reply computeResource(const EmulatorState& state, const std::string& name) {
  if (!state.workspace.usesCompute(name)) {
    // Azure answers an unknown compute with a bare 404: no body (Content-Length: 0), as recorded.
    Reply reply;
    reply.status = 404;
    reply.contentType.clear();
    return reply;
  }
  const auto& c = *state.context;
  const bool gpu = name.find("gpu") != std::string::npos;
  return Reply::json(
      200, "{\"id\":" + json::quote(c.workspaceId() + "/computes/" + name) +
               ",\"name\":" + json::quote(name) +
               ",\"type\":\"Microsoft.MachineLearningServices/workspaces/computes\",\"location\":" +
               json::quote(c.region) +
               ",\"tags\":{},\"properties\":{\"createdOn\":\"2024-01-15T09:00:00.0000000+00:00\","
               "\"modifiedOn\":\"2024-01-15T09:00:00.0000000+00:00\",\"disableLocalAuth\":false,"
               "\"description\":null,"
               "\"resourceId\":null,\"computeType\":\"AmlCompute\",\"computeLocation\":" +
               json::quote(c.region) +
               ",\"provisioningState\":\"Succeeded\",\"provisioningErrors\":null,\"isAttachedCompute\":false,"
               "\"properties\":{\"vmSize\":" +
               json::quote(gpu ? "STANDARD_NC6S_V3" : "STANDARD_DS3_V2") +
               ",\"vmPriority\":\"Dedicated\",\"scaleSettings\":{\"maxNodeCount\":4,\"minNodeCount\":0,"
               "\"nodeIdleTimeBeforeScaleDown\":\"PT2M\"},\"subnet\":null,\"currentNodeCount\":0,"
               "\"targetNodeCount\":0,\"nodeStateCounts\":{\"preparingNodeCount\":0,\"runningNodeCount\":0,"
               "\"idleNodeCount\":0,\"unusableNodeCount\":0,\"leavingNodeCount\":0,\"preemptedNodeCount\":0},"
               "\"allocationState\":\"Steady\",\"allocationStateTransitionTime\":\"2024-01-15T09:00:00.000+"
               "00:00\","
               "\"errors\":null,\"remoteLoginPortPublicAccess\":\"Disabled\",\"osType\":\"Linux\","
               "\"virtualMachineImage\":null,\"isolatedNetwork\":false,\"propertyBag\":{}}}}");
}

Reply componentVersion(const EmulatorState& state, const std::string& name, const std::string& version) {
  std::string type;
  std::vector<std::string> inputs, outputs;
  if (!state.workspace.usesComponent(name, version, type, inputs, outputs))
    return notFound("component " + name + " (version: " + version + ")");
  const auto& c = *state.context;
  const std::string id = c.workspaceId() + "/components/" + name + "/versions/" + version;
  // The spec lists the ports the templates' steps bind: strings in, folders out.
  std::string spec =
      "{\"name\":" + json::quote(name) + ",\"version\":" + json::quote(version) +
      ",\"display_name\":" + json::quote(name) +
      ",\"is_deterministic\":\"True\",\"type\":" + json::quote(type) +
      ",\"description\":null,\"tags\":{},\"inputs\":" +
      names(inputs, "{\"type\":\"string\",\"optional\":\"False\"}") +
      ",\"outputs\":" + names(outputs, "{\"type\":\"uri_folder\"}") + ",\"code\":" +
      json::quote("azureml:" + c.workspaceId() + "/codes/" + ids::guidFromName("code:" + name) +
                  "/versions/1") +
      ",\"environment\":" +
      json::quote("azureml:" + c.workspaceId() + "/environments/emulator-env/versions/1") +
      ",\"resources\":{\"instance_count\":\"1\"},\"command\":" + json::quote("python " + name + ".py") +
      ",\"$schema\":\"https://azuremlschemas.azureedge.net/development/commandComponent.schema.json\"}";
  return Reply::json(
      200, "{\"id\":" + json::quote(id) + ",\"name\":" + json::quote(version) +
               ",\"type\":\"Microsoft.MachineLearningServices/workspaces/components/versions\","
               "\"properties\":{\"description\":null,\"tags\":{},\"properties\":{},\"isArchived\":false,"
               "\"isAnonymous\":false,\"componentSpec\":" +
               spec + "},\"systemData\":" + kAssetSystemData + "}");
}

namespace {
std::string datastoreJson(const EmulatorState& state) {
  const auto& c = *state.context;
  return "{\"id\":" + json::quote(c.workspaceId() + "/datastores/workspaceblobstore") +
         ",\"name\":\"workspaceblobstore\",\"type\":\"Microsoft.MachineLearningServices/workspaces/"
         "datastores\","
         "\"properties\":{\"description\":null,\"tags\":null,\"properties\":null,\"isDefault\":true,"
         "\"credentials\":{\"credentialsType\":\"AccountKey\"},\"datastoreType\":\"AzureBlob\","
         "\"accountName\":\"emulatorstorage\",\"containerName\":\"azureml-blobstore-" +
         ids::guidFromName("blob:" + c.workspaceId()) +
         "\",\"endpoint\":\"core.windows.net\",\"protocol\":\"https\","
         "\"serviceDataAccessAuthIdentity\":\"WorkspaceSystemAssignedIdentity\"},\"systemData\":" +
         kAssetSystemData + "}";
}
}  // namespace

Reply datastoreList(const EmulatorState& state) {
  return Reply::json(200, "{\"value\":[" + datastoreJson(state) + "]}");
}

Reply datastoreResource(const EmulatorState& state, const std::string& name) {
  if (Poco::icompare(name, "workspaceblobstore") != 0) return notFound("datastore " + name);
  return Reply::json(200, datastoreJson(state));
}

}  // namespace azureml_emulator
