#include "common/JsonContainerIndex.h"

#include <algorithm>

namespace aifoundry::common {

std::size_t JsonContainerIndex::endOf(std::size_t begin) const noexcept {
  const auto it = std::lower_bound(spans.begin(), spans.end(), begin,
                                   [](const auto& span, std::size_t b) { return span.first < b; });
  return it != spans.end() && it->first == begin ? it->second : std::string_view::npos;
}

}  // namespace aifoundry::common
