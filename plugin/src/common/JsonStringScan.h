// JsonStringScan: finds where a JSON string literal stops, eight bytes at a time.
//
// Why: a poll's reply is mostly string bytes (the 4.2 KB job the benchmark polls: 195 strings, 3.9 KB), and
// every pass over it (JsonResponsePolicy's shape check, JsonView's validation, the decoders' skipping)
// spends its time looking for where a string stops. Testing a 64-bit word for the bytes that matter ('"',
// '\\', and for validation the control characters) instead of a byte loop took validating that job from
// 2.0 to 1.7 us (micro-benchmark, -O3); for skipping, where memchr() was used, it is as fast and needs no
// backwards count of backslashes. One scanner also replaces the copies the policy and JsonView each had.
// With strings this short, the mispredicted branch at each string's end costs as much as the bytes.
//
// Plain functions of their arguments; thread-safe. Header-only so the validator's loop can inline them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/WordBytes.h"

namespace aifoundry::common::jsonscan {

namespace detail {

template <bool kControls>
constexpr bool isStop(char c) noexcept {
  return c == '"' || c == '\\' || (kControls && static_cast<unsigned char>(c) < 0x20);
}

// The offset of the first stop byte at or after `i` ('"', '\\', and control characters when kControls), or
// s.size() when there is none.
template <bool kControls>
inline std::size_t nextStop(std::string_view s, std::size_t i) noexcept {
  const char* p = s.data();
  const std::size_t n = s.size();
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    std::uint64_t hits = wordbytes::equalTo(w, '"') | wordbytes::equalTo(w, '\\');
    if (kControls) hits |= wordbytes::belowSpace(w);
    // The lowest flagged byte is the first stop: little-endian puts the lowest address in the low byte.
    if (hits) return i + static_cast<std::size_t>(__builtin_ctzll(hits) >> 3);
    i += 8;
  }
#endif
  while (i < n && !isStop<kControls>(p[i])) ++i;
  return i;
}

}  // namespace detail

// The offset of the first '"', '\\' or control character (< 0x20) at or after `i`; s.size() if none. For the
// validator, which must refuse raw control characters inside a string.
inline std::size_t nextQuoteBackslashOrControl(std::string_view s, std::size_t i) noexcept {
  return detail::nextStop<true>(s, i);
}

// The offset just past the closing quote of the string whose opening quote is at `open`, or npos when the
// text ends first. Escapes are honoured (a backslash hides the next byte); nothing else is checked.
inline std::size_t stringEnd(std::string_view s, std::size_t open) noexcept {
  std::size_t i = open + 1;
  for (;;) {
    i = detail::nextStop<false>(s, i);
    if (i >= s.size()) return std::string_view::npos;
    if (s[i] == '"') return i + 1;
    i += 2;  // a backslash and the byte it escapes
  }
}

}  // namespace aifoundry::common::jsonscan
