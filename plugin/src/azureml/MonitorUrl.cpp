#include "azureml/MonitorUrl.h"

#include "common/AsciiText.h"
#include "common/PercentEncoding.h"

namespace aifoundry::azureml {
namespace {

// The wsid value keeps its '/' separators (the Studio expects them) but encodes each segment. Its form is the
// one Azure writes into a job's Studio endpoint (recorded: "resourcegroups", no provider segment), so a link
// built for a run whose status came from Run History equals the one ARM's job reply gives.
std::string wsid(const WorkspaceRef& ws) {
  return "/subscriptions/" + common::percentEncode(ws.subscriptionId) + "/resourcegroups/" +
         common::percentEncode(ws.resourceGroup) + "/workspaces/" + common::percentEncode(ws.workspaceName);
}

bool hasQueryParameter(std::string_view url, std::string_view name) {
  const std::size_t q = url.find('?');
  if (q == std::string_view::npos) return false;
  const std::string lowered = common::ascii::toLower(url.substr(q));
  const std::string needle = common::ascii::toLower(name) + "=";
  return lowered.find("?" + needle) != std::string::npos || lowered.find("&" + needle) != std::string::npos;
}

}  // namespace

MonitorUrl::Parts MonitorUrl::builtParts(std::string_view studioHost, const WorkspaceRef& workspace,
                                         std::string_view tenantId) {
  std::string_view host = common::ascii::trim(studioHost);
  while (!host.empty() && host.back() == '/') host.remove_suffix(1);
  const bool hasScheme = host.find("://") != std::string_view::npos;
  Parts parts{(hasScheme ? "" : "https://") + std::string(host) + "/runs/", "?wsid=" + wsid(workspace)};
  const std::string_view tenant = common::ascii::trim(tenantId);
  if (!tenant.empty()) parts.after += "&tid=" + common::percentEncode(tenant);
  return parts;
}

std::string MonitorUrl::build(std::string_view studioEndpoint, std::string_view studioHost,
                              const WorkspaceRef& workspace, std::string_view runId,
                              std::string_view tenantId) {
  std::string url(common::ascii::trim(studioEndpoint));
  if (url.empty()) {
    const Parts parts = builtParts(studioHost, workspace, tenantId);
    return parts.before + common::percentEncode(runId) + parts.after;
  }
  const std::string_view tenant = common::ascii::trim(tenantId);
  if (!tenant.empty() && !hasQueryParameter(url, "tid"))
    url += (url.find('?') == std::string::npos ? "?tid=" : "&tid=") + common::percentEncode(tenant);
  return url;
}

}  // namespace aifoundry::azureml
