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

// The host of an http(s) URL's authority (after the scheme, before any port, path, query or fragment).
std::string_view hostOf(std::string_view rest) {
  const std::size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  if (!authority.empty() && authority.front() == '[') return authority.substr(0, authority.find(']') + 1);
  return authority.substr(0, authority.find(':'));
}

bool isLoopback(std::string_view host) {
  if (common::ascii::iequals(host, "localhost") || host == "[::1]") return true;
  if (!common::ascii::istartsWith(host, "127.")) return false;
  int dots = 0;
  for (const char c : host) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

}  // namespace

bool MonitorUrl::isShowable(std::string_view url, bool allowPlainHttpToLoopback) {
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f) return false;  // blanks, controls, anything not ASCII
  }
  if (common::ascii::istartsWith(url, "https://")) return !hostOf(url.substr(8)).empty();
  if (common::ascii::istartsWith(url, "http://"))
    return allowPlainHttpToLoopback && isLoopback(hostOf(url.substr(7)));
  return false;
}

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
