// JobDecoder: an Azure ML job resource (GET /jobs/{id} body, or one item of a list page) -> Job.
// Lenient on shape (missing or oddly typed fields become empty), strict on syntax (invalid JSON throws
// AzureMlError(InvalidJson)). `jobs` and `settings` are skipped, never parsed, so decoding a large template
// is one validation pass plus one walk. Pure; thread-safe.
#pragma once

#include <string_view>

#include "azureml/Job.h"
#include "common/JsonView.h"

namespace aifoundry::azureml {

class JobDecoder {
 public:
  // `what` names the body in error messages, e.g. "The job 'x'".
  static Job decode(std::string_view json, std::string_view what = "The Azure ML job");
  static Job decode(common::JsonView resource);

  // Only what a poll reports (docs/azure-contract.md, "Poll"): name, status, start and end time, error, the
  // Studio endpoint and systemData.createdAt, plus the outputs when the status is terminal (the only time a
  // poll reports them). Every other field stays empty. Why: a Running run is polled again and again, and
  // building its inputs, outputs and tags as strings on each poll was most of the decoder's allocations.
  // Fields it does read come out exactly as decode() reads them.
  static Job decodeForPoll(common::JsonView resource);
};

}  // namespace aifoundry::azureml
