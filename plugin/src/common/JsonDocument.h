// JsonDocument: JsonView::parse() for a text that will be walked more than once. While validating, it records
// where each object and array ends, so its views step over a nested value with a lookup instead of walking
// it again.
//
// Why: walking members means stepping over each value, and a decoder walks a value again when it goes into
// it. A poll's 4 KB job was read about three times over after validation (its `properties` stepped over at
// the top, then each of its members, then the ones decoded); with the index the text is read once, by the
// validator (measured in bench/README.md). Plain JsonView::parse stays index-free for large templates,
// where the index would cost memory and each value is visited once.
//
// Owns only the index: the caller keeps the text alive, and the document must outlive its views (it can be
// neither copied nor moved, since the views point at it). Read-only after construction: thread-safe for
// reading.
#pragma once

#include <string_view>

#include "common/JsonContainerIndex.h"
#include "common/JsonView.h"

namespace aifoundry::common {

class JsonDocument {
 public:
  // Validates `text` completely; throws CodedError(InvalidJson) exactly as JsonView::parse does.
  JsonDocument(std::string_view text, std::string_view what);
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  // The root value; it and every view obtained from it use the index.
  JsonView root() const noexcept { return root_; }

 private:
  JsonContainerIndex index_;
  JsonView root_;
};

}  // namespace aifoundry::common
