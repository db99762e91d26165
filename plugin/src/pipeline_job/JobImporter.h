// JobImporter: importJobs() — discovery (docs/azure-contract.md, "Job discovery").
//   GET {workspace}/jobs?api-version=..&jobType=Pipeline[&tag=<key>], then every nextLink verbatim until it
//   is absent; keeps pipelines only (case-insensitive), leaves out this plugin's own runs (polysync.* tags)
//   and, with a tag filter (ImportRequest::filter, else the `Discovery Tag` setting), jobs without that tag
//   key. Each kept job goes to `emit` as soon as it is decoded, with its parameter schema; emit returning
//   false stops the import. Memory holds one page's text and one job, whatever the number of jobs (plus each
//   kept job's name and each page's URL, to pass a job only once and to stop a nextLink cycle).
// What a reply may get wrong is skipped with a warning, never passed to the host: a job whose name is not an
// Azure job name (JobName; empty, "..", "a/b"), a job listed again; a nextLink back to a page already read
// ends the list there.
// A nextLink must stay on the Resource Manager endpoint: the bearer token is never sent elsewhere.
// Thread-safe.
#pragma once

#include "core/CallContext.h"
#include "core/JobType.h"
#include "pipeline_job/WorkspaceOperation.h"

namespace aifoundry::pipeline_job {

class JobImporter : private WorkspaceOperation {
 public:
  using WorkspaceOperation::WorkspaceOperation;

  void importJobs(core::CallContext& ctx, const core::ImportRequest& request,
                  const core::ImportEmitter& emit) const;

 private:
  void checkNextLink(const std::string& nextLink) const;
};

}  // namespace aifoundry::pipeline_job
