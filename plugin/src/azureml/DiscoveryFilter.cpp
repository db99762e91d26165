#include "azureml/DiscoveryFilter.h"

#include "azureml/PolysyncTags.h"
#include "common/AsciiText.h"

namespace aifoundry::azureml {

DiscoveryFilter::DiscoveryFilter(std::string_view requiredTagKey)
    : requiredTagKey_(common::ascii::trim(requiredTagKey)) {}

bool DiscoveryFilter::accepts(const Job& job) const {
  if (!job.isPipeline()) return false;
  if (job.tag(tags::kTemplate) != nullptr) return false;
  if (!requiredTagKey_.empty() && job.tag(requiredTagKey_) == nullptr) return false;
  return true;
}

}  // namespace aifoundry::azureml
