// JsonContainerIndex: where each non-empty object and array of one validated JSON text ends, recorded by the
// validator (JsonValidator) for a JsonDocument, so that a view can step over a nested value by a lookup
// instead of walking it byte by byte again. Offsets count from `base`, the first byte of the text.
// Filled once, then only read: thread-safe for reading.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace aifoundry::common {

struct JsonContainerIndex {
  const char* base = nullptr;
  // {offset of the opening bracket, offset just past the closing one}, in document order (so sorted by the
  // first). Empty containers ({} and []) are not recorded: stepping over them costs nothing.
  std::vector<std::pair<std::size_t, std::size_t>> spans;

  // The offset just past the container whose opening bracket is at `begin`; npos when none was recorded.
  std::size_t endOf(std::size_t begin) const noexcept;
};

}  // namespace aifoundry::common
