// JobListPage: one page of GET /jobs ({ "value": [job...], "nextLink": "..." }).
// Built for streaming discovery: forEachJob() validates the page once and decodes one item at a time straight
// from the page text, so memory holds the page text plus one Job, never a parsed tree of the page.
// Pure; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "azureml/Job.h"

namespace aifoundry::azureml {

class JobListPage {
 public:
  // Calls onJob for every object in `value`, in order (non-objects are skipped). Returns the nextLink to
  // follow verbatim, or nullopt at the end (absent, null or empty). Throws AzureMlError(InvalidJson) when the
  // page is not JSON or has no `value` array. Exceptions from onJob propagate (so a caller can stop early).
  static std::optional<std::string> forEachJob(std::string_view pageJson,
                                               const std::function<void(const Job&)>& onJob);

  // Convenience for small pages and tests.
  struct Decoded {
    std::vector<Job> jobs;
    std::optional<std::string> nextLink;
  };
  static Decoded decode(std::string_view pageJson);
};

}  // namespace aifoundry::azureml
