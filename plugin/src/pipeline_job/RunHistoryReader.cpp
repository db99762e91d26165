#include "pipeline_job/RunHistoryReader.h"

#include <mutex>
#include <vector>

#include "arm/RateLimitState.h"
#include "azureml/AzureMlError.h"
#include "azureml/WorkspaceDecoder.h"
#include "pipeline_job/ErrorTranslation.h"

namespace aifoundry::pipeline_job {
namespace {

// A pipeline has tens of steps, rarely thousands; past this many pages the first failure found so far is
// good enough and the poll stays bounded.
constexpr int kMaxChildPages = 20;

// After a failed discovery (or a host the token may not go to), polls read ARM for this long before trying
// again: an outage or a setting being fixed, not something every poll of a fleet should pay two requests for.
constexpr std::int64_t kRediscoverAfterMs = 5 * 60 * 1000;

// Run History adds detail only: any failure but "stop now" is logged and the detail left out.
template <class T, class Fn>
std::optional<T> bestEffort(const WorkspaceConnection& connection, const char* what, const std::string& runId,
                            Fn&& fn) {
  try {
    return fn();
  } catch (const http::HttpError& e) {
    if (e.reason() == http::ErrorReason::Interrupted || e.reason() == http::ErrorReason::Timeout)
      throw translate(e);
    const std::string line =
        std::string("poll: run '") + runId + "': no Run History " + what + ": " + e.what();
    // A refusal (a reply named a host the token may not go to, say) needs the user's eye; an outage does not.
    if (e.kind() == http::ErrorKind::Config) {
      connection.log().warn(line);
    } else {
      connection.log().debug(line);
    }
  } catch (const azureml::AzureMlError& e) {
    connection.log().debug(std::string("poll: run '") + runId + "': unreadable Run History " + what + ": " +
                           e.what());
  }
  return std::nullopt;
}

}  // namespace

azureml::HistoryHost RunHistoryReader::discoverHistoryHost(const http::CallControl& control) const {
  const arm::ArmClient& arm = connection().arm();
  arm::ArmRequestOptions options;
  options.operation = "read " + connection().describeWorkspace();
  const auto workspace =
      azureml::WorkspaceDecoder::decode(arm.get(connection().urls().workspaceUrl(), control, options).body);
  if (workspace.discoveryUrl.empty()) {
    throw azureml::AzureMlError(azureml::errc::InvalidJson, "the workspace has no properties.discoveryUrl");
  }
  options.operation = "read the workspace's service discovery document";
  // Unauthenticated, as Azure's SDK reads it: the URL comes from a reply, and the document is no secret.
  options.anonymous = true;
  // Checked and normalized here, once: a host that is no http(s) endpoint fails discovery.
  azureml::HistoryHost host(
      azureml::WorkspaceDecoder::runHistoryHost(arm.get(workspace.discoveryUrl, control, options).body));
  // A host the token may not go to is refused here, once, rather than on every poll's request.
  arm.checkTokenDestination(connection().urls().runHistoryRunUrl(host, "probe"),
                            "read Run History of " + connection().describeWorkspace());
  return host;
}

std::shared_ptr<const azureml::HistoryHost> RunHistoryReader::historyHost(
    const http::CallControl& control) const {
  if (auto cached = connection().cachedHistoryHost()) return cached;
  // The waiters' wait is bounded by the discovering call's deadline (its own requests' timeouts).
  std::lock_guard<std::mutex> discovering(connection().discoveryMutex());
  if (auto cached = connection().cachedHistoryHost()) return cached;
  const std::int64_t now = arm::RateLimitState::steadyNowMs();
  if (auto failedAt = connection().historyHostFailedAtMs(); failedAt && now - *failedAt < kRediscoverAfterMs)
    return nullptr;
  auto host = bestEffort<azureml::HistoryHost>(connection(), "host", "-",
                                               [&] { return discoverHistoryHost(control); });
  if (!host) {
    connection().rememberHistoryHostFailure(now);
    return nullptr;
  }
  return connection().rememberHistoryHost(std::move(*host));
}

std::optional<azureml::RunHistoryRun> RunHistoryReader::run(const std::string& runId,
                                                            const http::CallControl& control) const {
  const auto host = historyHost(control);
  if (!host) return std::nullopt;
  return bestEffort<azureml::RunHistoryRun>(connection(), "run", runId, [&] {
    arm::ArmRequestOptions options;
    options.operation = "read Run History of run '" + runId + "'";
    try {
      const auto response =
          connection().arm().get(connection().urls().runHistoryRunUrl(*host, runId), control, options);
      return azureml::RunHistoryDecoder::decodeRun(response.body);
    } catch (const http::HttpError& e) {
      const auto reason = e.reason();
      if (reason == http::ErrorReason::Authentication || reason == http::ErrorReason::Permission)
        connection().forgetHistoryHost(arm::RateLimitState::steadyNowMs());
      throw;
    }
  });
}

std::optional<azureml::StepFailure> RunHistoryReader::firstFailedStep(
    const std::string& runId, const http::CallControl& control) const {
  const auto steps = children(runId, control);
  if (!steps) return std::nullopt;
  return azureml::RunHistoryDecoder::firstFailedStep(*steps);
}

std::optional<std::vector<azureml::RunHistoryRun>> RunHistoryReader::children(
    const std::string& runId, const http::CallControl& control) const {
  const auto host = historyHost(control);
  if (!host) return std::nullopt;
  return bestEffort<std::vector<azureml::RunHistoryRun>>(connection(), "children", runId, [&] {
    std::vector<azureml::RunHistoryRun> all;
    arm::ArmRequestOptions options;
    options.operation = "read the steps of run '" + runId + "'";
    std::string url = connection().urls().runHistoryChildrenUrl(*host, runId);
    for (int page = 0; page < kMaxChildPages && !url.empty(); ++page) {
      const auto response = connection().arm().get(url, control, options);
      azureml::RunChildrenPage decoded = azureml::RunHistoryDecoder::decodeChildren(response.body);
      for (auto& child : decoded.children) all.push_back(std::move(child));
      if (decoded.nextLink) {
        url = *decoded.nextLink;
      } else if (decoded.continuationToken) {
        url = connection().urls().runHistoryChildrenUrl(*host, runId, *decoded.continuationToken);
      } else {
        url.clear();
      }
    }
    return all;
  });
}

}  // namespace aifoundry::pipeline_job
