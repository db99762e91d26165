#include "common/Utf8.h"

#include <cstdio>

namespace aifoundry::common::utf8 {

std::size_t sequenceLength(std::string_view text, std::size_t i, std::uint32_t& codePoint) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  codePoint = lead;
  if (lead < 0x80) return 1;
  std::size_t len = 0;
  std::uint32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  std::uint32_t cp = lead & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  codePoint = cp;
  return len;
}

bool isHiddenControl(std::uint32_t codePoint) {
  return (codePoint >= 0x80 && codePoint <= 0x9F) || (codePoint >= 0x202A && codePoint <= 0x202E) ||
         (codePoint >= 0x2066 && codePoint <= 0x2069);
}

void appendCodePoint(std::string& out, std::string_view text, std::size_t i, std::size_t len,
                     std::uint32_t codePoint) {
  if (!isHiddenControl(codePoint)) {
    out.append(text.substr(i, len));
    return;
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(codePoint));
  out += buf;
}

}  // namespace aifoundry::common::utf8
