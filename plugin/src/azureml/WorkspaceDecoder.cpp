#include "azureml/WorkspaceDecoder.h"

#include "azureml/AsciiText.h"
#include "azureml/AzureMlError.h"
#include "azureml/JsonView.h"

namespace aifoundry::azureml {

WorkspaceInfo WorkspaceDecoder::decode(std::string_view workspaceJson) {
  WorkspaceInfo info;
  JsonView::parse(workspaceJson, "The workspace").forEachMember([&](const std::string& key, JsonView v) {
    if (key == "name") info.name = v.text();
    if (key == "id") info.id = v.text();
    if (key == "location") info.location = v.text();
    if (key != "properties") return;
    v.forEachMember([&](const std::string& field, JsonView p) {
      if (field == "discoveryUrl") info.discoveryUrl = std::string(ascii::trim(p.text()));
      if (field == "tenantId") info.tenantId = p.text();
      if (field == "workspaceId") info.workspaceId = p.text();
      if (field == "friendlyName") info.friendlyName = p.text();
    });
  });
  return info;
}

std::string WorkspaceDecoder::historyHost(std::string_view discoveryJson) {
  std::string host(
      ascii::trim(textOf(JsonView::parse(discoveryJson, "The discovery document").member("history"))));
  while (!host.empty() && host.back() == '/') host.pop_back();
  if (host.empty())
    throw AzureMlError(errc::InvalidJson, "The workspace's discovery document names no 'history' host");
  return host;
}

}  // namespace aifoundry::azureml
