// WorkspaceUrls: every Azure ML URL the job type calls, built from a validated workspace, the ARM endpoint
// and the api-version. Path segments and query values are percent-encoded, so a job name cannot change a
// URL's shape. Immutable after construction; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "azureml/WorkspaceRef.h"

namespace aifoundry::azureml {

inline constexpr const char* kDefaultApiVersion = "2024-10-01";

// A workspace's Run History host, e.g. "https://eastus.api.azureml.ms", checked and normalized once (it
// comes from a remote discovery document, and every poll builds a URL on it). A value type.
class HistoryHost {
 public:
  // Throws AzureMlError(InvalidSetting, saying the discovery document named it) for text that is not an
  // http(s)://host endpoint: the shape normalizedEndpoint() checks.
  explicit HistoryHost(std::string_view discovered);
  const std::string& endpoint() const noexcept { return endpoint_; }

 private:
  std::string endpoint_;
};

class WorkspaceUrls {
 public:
  // armEndpoint: "https://management.azure.com" (a trailing '/' is dropped; http:// is accepted here, the
  // transport decides whether plain HTTP is allowed). apiVersion: YYYY-MM-DD with an optional "-suffix";
  // empty = kDefaultApiVersion. Throws AzureMlError(InvalidSetting) naming the setting.
  WorkspaceUrls(std::string_view armEndpoint, WorkspaceRef workspace, std::string_view apiVersion = {});

  const WorkspaceRef& workspace() const noexcept { return workspace_; }
  const std::string& apiVersion() const noexcept { return apiVersion_; }

  // {arm}{armId}?api-version=...
  std::string workspaceUrl() const;
  // {arm}{armId}/jobs?api-version=...&jobType=Pipeline[&tag=<tagKey>] (first page; then follow nextLink)
  std::string jobsListUrl(std::string_view tagKey = {}) const;
  // {arm}{armId}/jobs/{name}?api-version=...  (GET the template or a run; PUT a new run).
  // Throws AzureMlError(InvalidJobName) for a name that would break the URL.
  std::string jobUrl(std::string_view jobName) const;
  // {arm}{armId}/jobs/{name}/cancel?api-version=...
  std::string cancelUrl(std::string_view jobName) const;

  // Run History (data plane), on the regional host from the workspace's discovery document:
  // {history}/history/v1.0{armId}/runs/{runId}
  std::string runHistoryRunUrl(const HistoryHost& history, std::string_view runId) const;
  // {history}/history/v1.0{armId}/runs/{runId}/children[?$continuationtoken=...]
  std::string runHistoryChildrenUrl(const HistoryHost& history, std::string_view runId,
                                    std::string_view continuationToken = {}) const;

 private:
  std::string withApiVersion(std::string url) const;
  std::string historyBase(const HistoryHost& history, std::string_view runId) const;

  std::string arm_;
  WorkspaceRef workspace_;
  std::string apiVersion_;
  // Encoded once: every poll builds a job URL from them (jobUrl: 6 allocations, 0.69 us before; 2, 0.22 us).
  std::string armId_;            // encoded /subscriptions/.../workspaces/{name}
  std::string base_;             // {arm}{armId_}
  std::string apiVersionQuery_;  // ?api-version={encoded apiVersion}
};

// Strips a trailing '/', checks the "http(s)://host" shape; throws InvalidSetting naming `setting`.
std::string normalizedEndpoint(std::string_view endpoint, std::string_view setting);

}  // namespace aifoundry::azureml
