// WordBytes: tests eight bytes at once (one 64-bit word) for the bytes a scanner stops at, so the long runs
// of plain text in a reply or a request (JSON strings, a bearer token) are passed over a word at a time.
//
// Each test sets the high bit of the bytes that match. Only the lowest flagged byte is exact: a borrow can
// also flag bytes above a true hit. So a word with no flag holds no matching byte, and a word with flags is
// either answered by its lowest flag or looked at byte by byte. Plain functions; thread-safe.
#pragma once

#include <cstdint>

namespace aifoundry::common::wordbytes {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// The bytes of `w` equal to `c`.
constexpr std::uint64_t equalTo(std::uint64_t w, unsigned char c) noexcept {
  const std::uint64_t x = w ^ (kOnes * c);
  return (x - kOnes) & ~x & kHighs;
}

// The bytes of `w` below 0x20 (the C0 control characters).
constexpr std::uint64_t belowSpace(std::uint64_t w) noexcept { return (w - kOnes * 0x20) & ~w & kHighs; }

}  // namespace aifoundry::common::wordbytes
