#include "common/JsonShapeCheck.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "common/JsonStringScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace aifoundry::common {
namespace {

bool isWs(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool onlyWhitespaceFrom(std::string_view text, std::size_t i) noexcept {
  for (; i < text.size(); ++i)
    if (!isWs(text[i])) return false;
  return true;
}

#if defined(__SSE2__)

// Bit i set when byte i of the 64-byte block is one of the given bytes.
struct BlockMasks {
  std::uint64_t quote, backslash, opening, closing, markup;
};

std::uint64_t bits(__m128i a, __m128i b, __m128i c, __m128i d) noexcept {
  return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(a))) |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(b))) << 16 |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(c))) << 32 |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(d))) << 48;
}

BlockMasks masksOf(const char* block) noexcept {
  __m128i v[4];
  for (int k = 0; k < 4; ++k) v[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * k));
  const auto equal = [&](int k, char c) { return _mm_cmpeq_epi8(v[k], _mm_set1_epi8(c)); };
  const auto either = [&](int k, char c1, char c2) { return _mm_or_si128(equal(k, c1), equal(k, c2)); };
  BlockMasks m;
  m.quote = bits(equal(0, '"'), equal(1, '"'), equal(2, '"'), equal(3, '"'));
  m.backslash = bits(equal(0, '\\'), equal(1, '\\'), equal(2, '\\'), equal(3, '\\'));
  m.opening = bits(either(0, '{', '['), either(1, '{', '['), either(2, '{', '['), either(3, '{', '['));
  m.closing = bits(either(0, '}', ']'), either(1, '}', ']'), either(2, '}', ']'), either(3, '}', ']'));
  m.markup = bits(equal(0, '<'), equal(1, '<'), equal(2, '<'), equal(3, '<'));
  return m;
}

// The bytes escaped by a backslash: the one after each odd-length run of backslashes. `carry` says whether
// the first byte of the block is escaped by the previous block, and is updated for the next one. (The
// well-known bit trick of simdjson's first stage: runs starting on even and odd bits are told apart with
// one addition.)
std::uint64_t escapedBytes(std::uint64_t backslash, std::uint64_t& carry) noexcept {
  constexpr std::uint64_t kEven = 0x5555555555555555ULL;
  backslash &= ~carry;
  const std::uint64_t followsBackslash = backslash << 1 | carry;
  const std::uint64_t oddStarts = backslash & ~kEven & ~followsBackslash;
  std::uint64_t evenStartedRuns = 0;
  carry = __builtin_add_overflow(oddStarts, backslash, &evenStartedRuns) ? 1 : 0;
  return (kEven ^ (evenStartedRuns << 1)) & followsBackslash;
}

// Bit i = XOR of bits 0..i: with the unescaped quotes in, the bytes from an opening quote up to (not
// including) its closing quote.
std::uint64_t prefixXor(std::uint64_t x) noexcept {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

enum class Verdict { kNo, kYes, kAskTheByteLoop };

// For text whose first non-blank byte opens an object or array.
Verdict blockwise(std::string_view text) {
  std::string open;  // the brackets still open (no allocation below 16 levels)
  std::uint64_t escapeCarry = 0;
  std::uint64_t inStringCarry = 0;  // all ones when the previous block ended inside a string
  char padded[64];
  for (std::size_t at = 0; at < text.size(); at += 64) {
    const char* block = text.data() + at;
    if (text.size() - at < 64) {  // the last, short block: spaces are neutral for every mask
      std::memset(padded, ' ', sizeof padded);
      std::memcpy(padded, block, text.size() - at);
      block = padded;
    }
    const BlockMasks m = masksOf(block);
    const std::uint64_t quotes = m.quote & ~escapedBytes(m.backslash, escapeCarry);
    const std::uint64_t inString = prefixXor(quotes) ^ inStringCarry;
    inStringCarry = static_cast<std::uint64_t>(static_cast<std::int64_t>(inString) >> 63);
    // A backslash outside a string escapes nothing for the byte loop, but did above: let it decide.
    if (m.backslash & ~inString) return Verdict::kAskTheByteLoop;
    if (m.markup & ~inString) return Verdict::kNo;
    for (std::uint64_t brackets = (m.opening | m.closing) & ~inString; brackets; brackets &= brackets - 1) {
      const auto bit = static_cast<std::size_t>(__builtin_ctzll(brackets));
      const char c = block[bit];
      if (c == '{' || c == '[') {
        open.push_back(c);
        continue;
      }
      if (open.empty() || open.back() != (c == '}' ? '{' : '[')) return Verdict::kNo;
      open.pop_back();
      // The top-level value has ended: only whitespace may follow.
      if (open.empty()) return onlyWhitespaceFrom(text, at + bit + 1) ? Verdict::kYes : Verdict::kNo;
    }
  }
  return Verdict::kNo;  // a bracket never closed (or a string never ended)
}

#endif

}  // namespace

bool looksLikeCompleteJsonBytewise(std::string_view text) {
  std::string open;   // the brackets still open (no allocation below 16 levels)
  bool done = false;  // the top-level object, array or string has ended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (isWs(c)) continue;
    if (done || c == '<') return false;  // text after the value; markup
    if (c == '"') {
      const std::size_t end = jsonscan::stringEnd(text, i);
      if (end == std::string_view::npos) return false;
      i = end - 1;
      done = open.empty();
    } else if (c == '{' || c == '[') {
      open.push_back(c);
    } else if (c == '}' || c == ']') {
      if (open.empty() || open.back() != (c == '}' ? '{' : '[')) return false;
      open.pop_back();
      done = open.empty();
    }
  }
  return open.empty();
}

bool looksLikeCompleteJson(std::string_view text) {
#if defined(__SSE2__)
  std::size_t first = 0;
  while (first < text.size() && isWs(text[first])) ++first;
  if (first < text.size() && (text[first] == '{' || text[first] == '[')) {
    const Verdict verdict = blockwise(text);
    if (verdict != Verdict::kAskTheByteLoop) return verdict == Verdict::kYes;
  }
#endif
  return looksLikeCompleteJsonBytewise(text);
}

}  // namespace aifoundry::common
