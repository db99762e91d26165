#include "azureml/MonitorUrl.h"

#include "azureml/AsciiText.h"
#include "azureml/PercentEncoding.h"

namespace aifoundry::azureml {
namespace {

// The wsid value keeps its '/' separators (the Studio expects them) but encodes each segment.
std::string wsid(const WorkspaceRef& ws) {
  return "/subscriptions/" + percentEncode(ws.subscriptionId) + "/resourceGroups/" +
         percentEncode(ws.resourceGroup) + "/providers/Microsoft.MachineLearningServices/workspaces/" +
         percentEncode(ws.workspaceName);
}

bool hasQueryParameter(std::string_view url, std::string_view name) {
  const std::size_t q = url.find('?');
  if (q == std::string_view::npos) return false;
  const std::string lowered = ascii::toLower(url.substr(q));
  const std::string needle = ascii::toLower(name) + "=";
  return lowered.find("?" + needle) != std::string::npos || lowered.find("&" + needle) != std::string::npos;
}

}  // namespace

std::string MonitorUrl::build(std::string_view studioEndpoint, std::string_view studioHost,
                              const WorkspaceRef& workspace, std::string_view runId,
                              std::string_view tenantId) {
  std::string url(ascii::trim(studioEndpoint));
  if (url.empty()) {
    std::string_view host = ascii::trim(studioHost);
    while (!host.empty() && host.back() == '/') host.remove_suffix(1);
    const bool hasScheme = host.find("://") != std::string_view::npos;
    url = (hasScheme ? "" : "https://") + std::string(host) + "/runs/" + percentEncode(runId) +
          "?wsid=" + wsid(workspace);
  }
  const std::string_view tenant = ascii::trim(tenantId);
  if (!tenant.empty() && !hasQueryParameter(url, "tid"))
    url += (url.find('?') == std::string::npos ? "?tid=" : "&tid=") + percentEncode(tenant);
  return url;
}

}  // namespace aifoundry::azureml
