#include "pipeline_job/WorkspaceConnection.h"

#include <ctime>

#include "azureml/MonitorUrl.h"
#include "common/AsciiText.h"
#include "common/PercentEncoding.h"
#include "core/JobTypeError.h"
#include "http/Url.h"
#include "pipeline_job/ArmClientWiring.h"
#include "pipeline_job/ErrorTranslation.h"

namespace aifoundry::pipeline_job {
namespace {

// A host token whose expiry the host did not say: assume one hour, as core/HostServices.h documents.
constexpr std::int64_t kAssumedHostTokenLifetimeS = 3600;

// `Polysync Service Principal`: tokens from the host's own identity. The host's Unavailable stays
// retryable; any other refusal is a sign-in failure.
identity::HostTokenSource hostTokenSource(const core::HostServices& host) {
  if (!host.hasTokenProvider()) return {};  // identity/ then says plainly that the host offers none
  const core::HostServices* services = &host;
  return [services](const std::string& scope, const std::string& tenant) {
    try {
      core::AccessToken token = services->tokenForScope(scope, tenant);
      identity::HostToken result;
      result.token = std::string(token.token.view());
      result.expiresOnUnixS = token.expiresOnUnixS != 0 ? token.expiresOnUnixS
                                                        : static_cast<std::int64_t>(std::time(nullptr)) +
                                                              kAssumedHostTokenLifetimeS;
      return result;
    } catch (const core::JobTypeError& e) {
      const http::ErrorReason reason = e.code() == core::ErrorCode::Unavailable ? http::ErrorReason::Network
                                       : e.code() == core::ErrorCode::Timeout
                                           ? http::ErrorReason::Timeout
                                           : http::ErrorReason::Authentication;
      // The host's own line already names the scope and the cause ("the host could not provide a token for
      // scope '…': …"): it is passed on as is, the cause first.
      http::throwError(reason, e.message());
    }
  };
}

std::shared_ptr<arm::ArmClient> armClientFor(ConnectionSettings& settings, const core::HostServices& host,
                                             const HostLog& log, const PipelineJobOptions& options) {
  pipeline_job::ArmClientDependencies deps;
  deps.log = log.sink();
  deps.hostTokens = hostTokenSource(host);
  deps.environment = options.environment;
  deps.retry = options.retry;
  deps.managedIdentityRetry = options.managedIdentityRetry;
  deps.cloud = settings.cloud;
  try {
    auto client = pipeline_job::makeArmClient(settings.attributes, std::move(deps));
    settings.attributes.clear();
    return client;
  } catch (const http::HttpError& e) {
    settings.attributes.clear();
    throw core::JobTypeError(core::ErrorCode::InvalidSettings, e.what());
  }
}

}  // namespace

WorkspaceConnection::WorkspaceConnection(ConnectionSettings settings, const core::HostServices& host,
                                         const PipelineJobOptions& options)
    : settings_(std::move(settings)),
      log_(host),
      arm_(armClientFor(settings_, host, log_, options)),
      urls_(settings_.cloud.armEndpoint, settings_.workspace, settings_.apiVersion),
      builtMonitorUrl_(azureml::MonitorUrl::builtParts(settings_.cloud.studioHost, settings_.workspace,
                                                       settings_.tenantId)),
      // A percent-encoded run id is plain ASCII: it cannot change whether the link is showable.
      builtMonitorUrlShowable_(http::isShowableLink(builtMonitorUrl_.before + "run" + builtMonitorUrl_.after,
                                                    arm_->transport().options().allowPlainHttpToLoopback)) {}

std::string WorkspaceConnection::describeWorkspace() const {
  return "workspace '" + settings_.workspace.workspaceName + "' (resource group '" +
         settings_.workspace.resourceGroup + "')";
}

std::string WorkspaceConnection::monitorUrl(std::string_view studioEndpoint, std::string_view runId) const {
  namespace ascii = common::ascii;
  const std::string_view fromReply = ascii::trim(studioEndpoint);
  if (!fromReply.empty()) {
    // Checked once: the "tid" that build() may append is percent-encoded into the query, so it cannot make a
    // showable link unshowable.
    if (http::isShowableLink(fromReply, arm_->transport().options().allowPlainHttpToLoopback))
      return azureml::MonitorUrl::build(fromReply, settings_.cloud.studioHost, settings_.workspace, runId,
                                        settings_.tenantId);
    log_.warn("the Studio link in Azure's reply for run '" + ascii::oneLine(runId, 100) + "' was dropped ('" +
              ascii::oneLine(fromReply, 200) +
              "' is not an https:// link to a plain host name); the link built from 'Studio Host' is shown "
              "instead");
  }
  const std::string built = builtMonitorUrl_.before + common::percentEncode(runId) + builtMonitorUrl_.after;
  if (builtMonitorUrlShowable_) return built;
  log_.warn("no Monitor URL for run '" + ascii::oneLine(runId, 100) + "': '" + ascii::oneLine(built, 200) +
            "' is not an https:// link; check the 'Studio Host' setting");
  return {};
}

std::shared_ptr<const azureml::HistoryHost> WorkspaceConnection::cachedHistoryHost() const {
  std::lock_guard<std::mutex> lock(historyMutex_);
  return historyHost_;
}

std::shared_ptr<const azureml::HistoryHost> WorkspaceConnection::rememberHistoryHost(
    azureml::HistoryHost host) const {
  std::lock_guard<std::mutex> lock(historyMutex_);
  historyHost_ = std::make_shared<const azureml::HistoryHost>(std::move(host));
  historyFailedAtMs_.reset();
  return historyHost_;
}

std::optional<std::int64_t> WorkspaceConnection::historyHostFailedAtMs() const {
  std::lock_guard<std::mutex> lock(historyMutex_);
  return historyFailedAtMs_;
}

void WorkspaceConnection::forgetHistoryHost(std::int64_t steadyMs) const {
  std::lock_guard<std::mutex> lock(historyMutex_);
  historyHost_.reset();
  historyFailedAtMs_ = steadyMs;
}

void WorkspaceConnection::rememberHistoryHostFailure(std::int64_t steadyMs) const {
  std::lock_guard<std::mutex> lock(historyMutex_);
  historyFailedAtMs_ = steadyMs;
}

}  // namespace aifoundry::pipeline_job
