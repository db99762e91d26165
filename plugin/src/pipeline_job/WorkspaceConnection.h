// WorkspaceConnection: what every operation of one platform connection shares — the validated settings, the
// workspace URLs, the ArmClient (connection pool, credential and token cache), the host's log and the
// Run History host once discovered.
//
// Ownership: one per JobTypeInstance, shared (shared_ptr) by its operation objects. Thread-safe: everything
// is immutable after construction except the Run History host cache, which is guarded by a mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "arm/ArmClient.h"
#include "azureml/MonitorUrl.h"
#include "azureml/WorkspaceUrls.h"
#include "core/HostServices.h"
#include "pipeline_job/ConnectionSettings.h"
#include "pipeline_job/HostLog.h"
#include "pipeline_job/PipelineJobOptions.h"

namespace aifoundry::pipeline_job {

class WorkspaceConnection {
 public:
  // Builds the ArmClient (no network). The secrets in `settings.attributes` are handed to identity/ and then
  // wiped here. Throws core::JobTypeError(InvalidSettings) naming a bad setting.
  WorkspaceConnection(ConnectionSettings settings, const core::HostServices& host,
                      const PipelineJobOptions& options);

  const ConnectionSettings& settings() const noexcept { return settings_; }
  const azureml::WorkspaceUrls& urls() const noexcept { return urls_; }
  const arm::ArmClient& arm() const noexcept { return *arm_; }
  const HostLog& log() const noexcept { return log_; }

  // "workspace 'ws' (resource group 'rg')", for messages.
  std::string describeWorkspace() const;
  // The run's Studio link: the service's own when it filled one, else built from the Studio host; only an
  // https:// link (or http:// to loopback when plain HTTP to loopback is allowed) — anything else from a
  // reply is dropped with a warning (http::isShowableLink), "" when no link is showable.
  std::string monitorUrl(std::string_view studioEndpoint, std::string_view runId) const;

  // The Run History host ("https://eastus.api.azureml.ms") once discovered, else null; discovery happens at
  // most once per connection when it succeeds. Shared, not copied: every poll reads it.
  std::shared_ptr<const azureml::HistoryHost> cachedHistoryHost() const;
  // Keeps `host` for the next polls and returns it as they will read it.
  std::shared_ptr<const azureml::HistoryHost> rememberHistoryHost(azureml::HistoryHost host) const;
  // When discovery last failed (steady_clock ms), so that polls do not rediscover (two more requests, one of
  // them an ARM read) on every poll of a fleet; nullopt once a host is known or when it never failed.
  std::optional<std::int64_t> historyHostFailedAtMs() const;
  void rememberHistoryHostFailure(std::int64_t steadyMs) const;
  // The host refused the token (401/403): forget it and count it as a failed discovery, so polls read ARM
  // until rediscovery is due instead of paying a refused request on every poll.
  void forgetHistoryHost(std::int64_t steadyMs) const;
  // Held while discovering, so that the first polls of many runs at once discover once (one ARM read of the
  // workspace per connection), the others waiting for its result.
  std::mutex& discoveryMutex() const { return discoveryMutex_; }

 private:
  ConnectionSettings settings_;
  HostLog log_;
  std::shared_ptr<arm::ArmClient> arm_;
  azureml::WorkspaceUrls urls_;
  // The built Studio link around a run id, made once: every poll of a run without the service's own link
  // reports one.
  azureml::MonitorUrl::Parts builtMonitorUrl_;
  bool builtMonitorUrlShowable_ = false;
  mutable std::mutex historyMutex_;
  mutable std::shared_ptr<const azureml::HistoryHost> historyHost_;
  mutable std::optional<std::int64_t> historyFailedAtMs_;
  mutable std::mutex discoveryMutex_;
};

}  // namespace aifoundry::pipeline_job
