#include "common/JsonText.h"

#include <cstdint>

#include "common/Utf8.h"

namespace aifoundry::common::jsontext {

namespace {

// The length of the JSON escape of an ASCII byte in appendAsciiEscape (without DEL): 0 when it goes as it is.
std::size_t asciiEscapeSize(unsigned char c) noexcept {
  switch (c) {
    case '"':
    case '\\':
    case '\n':
    case '\r':
    case '\t':
    case '\b':
    case '\f':
      return 2;
    default:
      return c < 0x20 ? 6 : 0;
  }
}

// Appends the JSON escape of an ASCII byte that needs one (quote, backslash, C0 controls, and DEL when
// `escapeDel`); false when the byte goes as it is.
bool appendAsciiEscape(std::string& out, unsigned char c, bool escapeDel) {
  static const char* const kHex = "0123456789abcdef";
  switch (c) {
    case '"':
      out += "\\\"";
      return true;
    case '\\':
      out += "\\\\";
      return true;
    case '\n':
      out += "\\n";
      return true;
    case '\r':
      out += "\\r";
      return true;
    case '\t':
      out += "\\t";
      return true;
    case '\b':
      out += "\\b";
      return true;
    case '\f':
      out += "\\f";
      return true;
    default:
      if (c < 0x20 || (escapeDel && c == 0x7F)) {
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
        return true;
      }
      return false;
  }
}

}  // namespace

void appendQuoted(std::string& out, std::string_view utf8) {
  out.push_back('"');
  for (const char c : utf8)
    if (!appendAsciiEscape(out, static_cast<unsigned char>(c), false)) out.push_back(c);
  out.push_back('"');
}

void appendQuotedForDisplay(std::string& out, std::string_view text) {
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!appendAsciiEscape(out, c, true)) out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    std::uint32_t codePoint = 0;
    const std::size_t len = utf8::sequenceLength(text, i, codePoint);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      utf8::appendCodePoint(out, text, i, len, codePoint);
      i += len;
    }
  }
  out.push_back('"');
}

void appendMember(std::string& out, std::string_view key, std::string_view rawValue) {
  if (!out.empty() && out.back() != '{') out.push_back(',');
  appendQuoted(out, key);
  out.push_back(':');
  out.append(rawValue);
}

std::size_t quotedSize(std::string_view utf8) noexcept {
  std::size_t size = 2;
  for (const char c : utf8) {
    const std::size_t escape = asciiEscapeSize(static_cast<unsigned char>(c));
    size += escape == 0 ? 1 : escape;
  }
  return size;
}

std::string quoted(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 2);
  appendQuoted(out, utf8);
  return out;
}

std::string compact(std::string_view validJson) {
  std::string out;
  out.reserve(validJson.size());
  bool inString = false;
  for (std::size_t i = 0; i < validJson.size(); ++i) {
    const char c = validJson[i];
    if (inString) {
      out.push_back(c);
      if (c == '\\' && i + 1 < validJson.size())
        out.push_back(validJson[++i]);
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
      out.push_back(c);
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace aifoundry::common::jsontext
