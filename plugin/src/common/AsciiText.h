// AsciiText: small locale-independent text helpers shared by the decoders (case-insensitive compare,
// trimming, making a message one line). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aifoundry::common::ascii {

char toLower(char c) noexcept;
std::string toLower(std::string_view s);
bool iequals(std::string_view a, std::string_view b) noexcept;
bool istartsWith(std::string_view s, std::string_view prefix) noexcept;
std::string_view trim(std::string_view s) noexcept;
bool isWordChar(char c) noexcept;  // [A-Za-z0-9_]
bool isAlnum(char c) noexcept;     // [A-Za-z0-9]
bool isHexDigit(char c) noexcept;

// Collapses every run of whitespace/control characters into one space and cuts the result to maxBytes
// (on a UTF-8 boundary, ending in "..."; the result is never longer than maxBytes), so any remote text can
// sit in a one-line error message.
std::string oneLine(std::string_view s, std::size_t maxBytes = 1024);

}  // namespace aifoundry::common::ascii
