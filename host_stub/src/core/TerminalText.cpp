#include "polysync_host/TerminalText.h"

#include <cstdio>

#include "common/Utf8.h"
#include "polysync_host/CommandRunner.h"

namespace polysync::host {

std::string terminalText(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    if (byte == '\n') {
      out += '\n';
      ++i;
      continue;
    }
    std::uint32_t codePoint = 0;
    const std::size_t len = byte < 0x80 ? 1 : aifoundry::common::utf8::sequenceLength(text, i, codePoint);
    if (byte < 0x80 || len == 0) {  // C0, DEL, or a byte that is not UTF-8
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
      ++i;
    } else {
      aifoundry::common::utf8::appendCodePoint(out, text, i, len, codePoint);
      i += len;
    }
  }
  return out;
}

void writeOutcome(const CommandOutcome& outcome, bool json, std::FILE* out, std::FILE* err) {
  if (!outcome.err.empty()) {
    const std::string line = terminalText(outcome.err);
    std::fwrite(line.data(), 1, line.size(), err);
    std::fflush(err);
  }
  const std::string text = json ? outcome.out : terminalText(outcome.out);
  std::fwrite(text.data(), 1, text.size(), out);
  std::fflush(out);
}

}  // namespace polysync::host
