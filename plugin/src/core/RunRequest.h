// RunRequest and RunRef: what the host asks a job type to run, and which run to poll or cancel.
// Plain copies of the ABI's psj_run_request / psj_run_ref; the job type owns them for as long as it likes.
#pragma once

#include <string>
#include <vector>

#include "core/Parameter.h"
#include "core/Setting.h"

namespace aifoundry::core {

struct RunRequest {
  std::string externalId;           // the imported job's external id (for pipelines: the template job's name)
  std::string displayName;          // the Polysync name of this run
  std::string idempotencyKey;       // the same on every retry of one logical submission; empty when none
  std::vector<Setting> attributes;  // job attributes, e.g. "AI Foundry Compute Name"
  std::vector<Parameter> parameters;
};

struct RunRef {
  std::string runId;  // as returned by run(), possibly by another process or before a restart
  // The run's parameters as passed to run(); Output and Input&Output ones name the outputs to write back.
  // May be empty: then every output is reported under its own name.
  std::vector<Parameter> parameters;
};

}  // namespace aifoundry::core
