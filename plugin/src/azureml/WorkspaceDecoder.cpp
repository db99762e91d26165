#include "azureml/WorkspaceDecoder.h"

#include "azureml/AzureMlError.h"
#include "common/AsciiText.h"
#include "common/JsonView.h"

namespace aifoundry::azureml {

WorkspaceInfo WorkspaceDecoder::decode(std::string_view workspaceJson) {
  WorkspaceInfo info;
  common::JsonView::parse(workspaceJson, "The workspace")
      .forEachMember([&](const std::string& key, common::JsonView v) {
        if (key == "name") info.name = v.text();
        if (key == "id") info.id = v.text();
        if (key == "location") info.location = v.text();
        if (key != "properties") return;
        v.forEachMember([&](const std::string& field, common::JsonView p) {
          if (field == "discoveryUrl") info.discoveryUrl = std::string(common::ascii::trim(p.text()));
          if (field == "tenantId") info.tenantId = p.text();
          if (field == "workspaceId") info.workspaceId = p.text();
          if (field == "friendlyName") info.friendlyName = p.text();
        });
      });
  return info;
}

namespace {

std::string hostNamed(const common::JsonView& document, const char* key) {
  std::string host(common::ascii::trim(common::textOf(document.member(key))));
  while (!host.empty() && host.back() == '/') host.pop_back();
  return host;
}

}  // namespace

std::string WorkspaceDecoder::runHistoryHost(std::string_view discoveryJson) {
  const common::JsonView document = common::JsonView::parse(discoveryJson, "The discovery document");
  // Azure's Python SDK v2 reads Run History from the `api` host (*.api.azureml.ms); `history` names the
  // older SDK's host (*.experiments.azureml.net) and is used only when a document has no `api`.
  std::string host = hostNamed(document, "api");
  if (host.empty()) host = hostNamed(document, "history");
  if (host.empty())
    throw AzureMlError(errc::InvalidJson,
                       "The workspace's discovery document names no 'api' (or 'history') host");
  return host;
}

}  // namespace aifoundry::azureml
