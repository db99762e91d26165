#include "azureml/WorkspaceUrls.h"

#include <optional>
#include <utility>

#include "azureml/AzureMlError.h"
#include "azureml/JobName.h"
#include "common/AsciiText.h"
#include "common/PercentEncoding.h"
#include "common/SettingNames.h"

namespace aifoundry::azureml {
namespace {

// The children of a Run History run: appended to the run's URL, which is built with room for it.
constexpr std::string_view kChildren = "/children";

bool isDigits(std::string_view s) {
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

std::string checkedApiVersion(std::string_view text) {
  const std::string_view v = common::ascii::trim(text);
  if (v.empty()) return kDefaultApiVersion;
  bool ok = v.size() >= 10 && isDigits(v.substr(0, 4)) && v[4] == '-' && isDigits(v.substr(5, 2)) &&
            v[7] == '-' && isDigits(v.substr(8, 2));
  if (ok && v.size() > 10) {
    ok = v[10] == '-' && v.size() > 11;
    for (const char c : v.substr(11)) ok = ok && common::ascii::isAlnum(c);
  }
  if (!ok)
    throw AzureMlError(errc::InvalidSetting,
                       std::string("Setting '") + common::settings::kApiVersion + "' has the value '" +
                           common::ascii::oneLine(v, 64) +
                           "', which is not an api-version like 2024-10-01 or 2024-10-01-preview");
  return std::string(v);
}

std::string encodedArmId(const WorkspaceRef& ws) {
  return "/subscriptions/" + common::percentEncode(ws.subscriptionId) + "/resourceGroups/" +
         common::percentEncode(ws.resourceGroup) +
         "/providers/Microsoft.MachineLearningServices/workspaces/" + common::percentEncode(ws.workspaceName);
}

}  // namespace

namespace {

// "http(s)://host[:port][/path]" without a trailing '/', or nullopt when the text is no such endpoint.
std::optional<std::string_view> endpointShape(std::string_view endpoint) {
  std::string_view e = common::ascii::trim(endpoint);
  while (!e.empty() && e.back() == '/') e.remove_suffix(1);
  std::string_view rest;
  if (common::ascii::istartsWith(e, "https://"))
    rest = e.substr(8);
  else if (common::ascii::istartsWith(e, "http://"))
    rest = e.substr(7);
  bool ok = !rest.empty();
  // No space, control byte (DEL included: it is a control too) or query/fragment in the authority and path.
  for (const char c : rest)
    ok = ok && static_cast<unsigned char>(c) > 0x20 && c != 0x7f && c != '?' && c != '#';
  if (!ok) return std::nullopt;
  return e;
}

}  // namespace

std::string normalizedEndpoint(std::string_view endpoint, std::string_view setting) {
  if (const auto e = endpointShape(endpoint)) return std::string(*e);
  throw AzureMlError(errc::InvalidSetting, "Setting '" + std::string(setting) + "' has the value '" +
                                               common::ascii::oneLine(common::ascii::trim(endpoint), 100) +
                                               "', which is not an endpoint like https://host[:port]");
}

WorkspaceUrls::WorkspaceUrls(std::string_view armEndpoint, WorkspaceRef workspace,
                             std::string_view apiVersion)
    : arm_(normalizedEndpoint(armEndpoint, common::settings::kResourceManagerEndpoint)),
      workspace_(std::move(workspace)),
      apiVersion_(checkedApiVersion(apiVersion)),
      armId_(encodedArmId(workspace_)),
      base_(arm_ + armId_),
      apiVersionQuery_("?api-version=" + common::percentEncode(apiVersion_)) {}

std::string WorkspaceUrls::withApiVersion(std::string url) const { return std::move(url) + apiVersionQuery_; }

std::string WorkspaceUrls::workspaceUrl() const { return withApiVersion(base_); }

std::string WorkspaceUrls::jobsListUrl(std::string_view tagKey) const {
  std::string url = withApiVersion(base_ + "/jobs") + "&jobType=Pipeline";
  const std::string_view tag = common::ascii::trim(tagKey);
  if (!tag.empty()) url += "&tag=" + common::percentEncode(tag);
  return url;
}

std::string WorkspaceUrls::jobUrl(std::string_view jobName) const {
  JobName::checkExisting(jobName, "Job name");
  // One buffer: every poll builds this URL.
  const std::string name = common::percentEncode(jobName);
  std::string url;
  url.reserve(base_.size() + 6 + name.size() + apiVersionQuery_.size());
  url.append(base_).append("/jobs/").append(name).append(apiVersionQuery_);
  return url;
}

std::string WorkspaceUrls::cancelUrl(std::string_view jobName) const {
  JobName::checkExisting(jobName, "Job name");
  return withApiVersion(base_ + "/jobs/" + common::percentEncode(jobName) + "/cancel");
}

HistoryHost::HistoryHost(std::string_view discovered) {
  const auto e = endpointShape(discovered);
  // Not a setting the user can fix: the workspace's discovery document said it.
  if (!e)
    throw AzureMlError(errc::InvalidSetting,
                       "the workspace's discovery document names the Run History host '" +
                           common::ascii::oneLine(common::ascii::trim(discovered), 100) +
                           "', which is not an endpoint like https://host[:port]; run status is read from "
                           "Azure Resource Manager instead");
  endpoint_ = std::string(*e);
}

std::string WorkspaceUrls::historyBase(const HistoryHost& history, std::string_view runId) const {
  JobName::checkExisting(runId, "RunId");
  // One buffer, with room for "/children": every poll that reads Run History builds this URL.
  const std::string& host = history.endpoint();
  const std::string id = common::percentEncode(runId);
  constexpr std::string_view kHistory = "/history/v1.0";
  constexpr std::string_view kRuns = "/runs/";
  std::string url;
  url.reserve(host.size() + kHistory.size() + armId_.size() + kRuns.size() + id.size() + kChildren.size());
  url.append(host).append(kHistory).append(armId_).append(kRuns).append(id);
  return url;
}

std::string WorkspaceUrls::runHistoryRunUrl(const HistoryHost& history, std::string_view runId) const {
  return historyBase(history, runId);
}

std::string WorkspaceUrls::runHistoryChildrenUrl(const HistoryHost& history, std::string_view runId,
                                                 std::string_view continuationToken) const {
  std::string url = historyBase(history, runId).append(kChildren);
  if (!continuationToken.empty()) url += "?$continuationtoken=" + common::percentEncode(continuationToken);
  return url;
}

}  // namespace aifoundry::azureml
