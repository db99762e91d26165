// JsonValidator: complete RFC 8259 validation of one JSON text, iterative (an explicit container stack, so
// deep nesting cannot overflow the call stack). The single validator behind JsonView::parse, isValid and
// JsonDocument. Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/JsonContainerIndex.h"

namespace aifoundry::common {

struct JsonValidation {
  bool valid = false;
  std::size_t errorOffset = 0;  // where the first error is (when !valid)
  const char* reason = "";      // why, e.g. "unterminated string" (a static string)
};

// Checks that `text` is one valid JSON value with optional whitespace around it. When `record` is given, the
// span of every non-empty object and array is appended to it (JsonDocument's index); its base is set to
// text.data().
JsonValidation validateJson(std::string_view text, JsonContainerIndex* record = nullptr);

// The four whitespace bytes JSON allows between tokens.
inline bool isJsonWhitespace(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace aifoundry::common
