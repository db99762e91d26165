// JsonText: the writing side of the raw-span JSON approach (see JsonView.h): quoting a string and compacting
// validated JSON without touching its tokens (numbers, escapes and key order stay exactly as written).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace aifoundry::common::jsontext {

// Appends `utf8` as a JSON string literal: quotes, backslash and control characters escaped, everything else
// (including non-ASCII UTF-8) copied as is.
void appendQuoted(std::string& out, std::string_view utf8);
std::string quoted(std::string_view utf8);
// The exact number of bytes appendQuoted writes for `utf8` (for a caller that must reserve once).
std::size_t quotedSize(std::string_view utf8) noexcept;

// As appendQuoted, for JSON a person may read on a terminal (the stub host's --json): also escapes DEL and
// the code points that make a terminal act or reorder what it shows (utf8::isHiddenControl), and writes
// U+FFFD for each byte that is not valid UTF-8, so the document is valid JSON whatever the text held.
void appendQuotedForDisplay(std::string& out, std::string_view text);

// Appends `"key":rawValue` to an object being written whose text so far is `out` (which ends in '{' before
// its first member): the comma comes first unless this is the first member. `rawValue` must be JSON.
void appendMember(std::string& out, std::string_view key, std::string_view rawValue);

// Removes insignificant whitespace from VALID JSON text (validate with JsonView::parse first).
std::string compact(std::string_view validJson);

}  // namespace aifoundry::common::jsontext
