// DiscoveryFilter: which listed jobs become Polysync Jobs. Keeps pipelines only (jobType compared
// case-insensitively: the server's jobType filter is not trusted alone), drops the runs this plugin submitted
// (they carry the polysync.template tag), and, when a Discovery Tag is set, keeps only jobs carrying that tag
// key. Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "azureml/Job.h"

namespace aifoundry::azureml {

class DiscoveryFilter {
 public:
  explicit DiscoveryFilter(std::string_view requiredTagKey = {});
  bool accepts(const Job& job) const;
  const std::string& requiredTagKey() const noexcept { return requiredTagKey_; }

 private:
  std::string requiredTagKey_;
};

}  // namespace aifoundry::azureml
