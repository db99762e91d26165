#include "pipeline_job/SecretWipe.h"

#include <string.h>  // explicit_bzero: a wipe the optimiser may not remove

namespace aifoundry::pipeline_job {

void wipe(std::string& text) noexcept {
  if (!text.empty()) explicit_bzero(text.data(), text.size());
  text.clear();
}

void wipeValues(std::map<std::string, std::string>& values) noexcept {
  for (auto& entry : values) wipe(entry.second);
}

}  // namespace aifoundry::pipeline_job
