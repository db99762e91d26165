// UTF-8 decoding for the writers of text a person reads (the JSON of jsontext::appendQuotedForDisplay, the
// stub host's TerminalText), and which code points they must never let through raw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aifoundry::common::utf8 {

// The length of the valid UTF-8 sequence starting at text[i] (1 for ASCII), or 0 when it is not valid
// (overlong, a surrogate, past U+10FFFF, cut short). `codePoint` receives its value.
std::size_t sequenceLength(std::string_view text, std::size_t i, std::uint32_t& codePoint);

// C1 controls (U+0080..U+009F) and the bidirectional overrides and isolates (U+202A..U+202E,
// U+2066..U+2069): invisible code points that make a terminal act or reorder what it shows.
bool isHiddenControl(std::uint32_t codePoint);

// Appends the sequence of `len` bytes at text[i] whose value is `codePoint`: as `\uXXXX` when it is a hidden
// control (valid JSON, and inert on a terminal), else as it is.
void appendCodePoint(std::string& out, std::string_view text, std::size_t i, std::size_t len,
                     std::uint32_t codePoint);

}  // namespace aifoundry::common::utf8
