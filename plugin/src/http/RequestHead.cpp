#include "http/RequestHead.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "common/WordBytes.h"
#include "http/HttpError.h"

namespace aifoundry::http {

namespace {

// tchar of RFC 9110 section 5.6.2, as a table: every header name of every request is checked.
constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (const char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool isTokenChar(char c) { return kTokenChars[static_cast<unsigned char>(c)]; }

bool isControlCharacter(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; }

// Control characters other than HTAB (CR, LF and NUL among them) and DEL are not allowed in a field value
// (RFC 9110 section 5.5). Eight bytes at a time: every request carries a bearer token of a kilobyte or more,
// and a byte loop over it was the largest part of formatting a poll's request. A word with a flag (a tab can
// raise one) is looked at byte by byte, so which flag is set does not matter, nor the byte order.
bool hasControlCharacter(std::string_view text) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if ((common::wordbytes::belowSpace(w) | common::wordbytes::equalTo(w, 0x7f)) == 0) continue;
    for (std::size_t k = i; k < i + 8; ++k)
      if (isControlCharacter(static_cast<unsigned char>(p[k]))) return true;
  }
  for (; i < n; ++i)
    if (isControlCharacter(static_cast<unsigned char>(p[i]))) return true;
  return false;
}

void checkHeader(const std::string& name, const std::string& value) {
  bool token = !name.empty();
  for (char c : name) token = token && isTokenChar(c);
  if (!token)
    throwError(ErrorReason::Rejected, "refused to send a header with an invalid name (not an HTTP token)");
  if (hasControlCharacter(value))
    throwError(ErrorReason::Rejected, "refused to send header '" + name +
                                          "': its value contains a line break or another control character");
}

void appendField(std::string& out, const std::string& name, const std::string& value) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

}  // namespace

void formatRequestHead(const RequestLine& line, const HttpHeaders& headers,
                       std::optional<std::size_t> contentLength, std::string& out) {
  if (hasControlCharacter(line.method) || hasControlCharacter(line.target) ||
      hasControlCharacter(line.host) || line.target.find(' ') != std::string::npos)
    throwError(ErrorReason::Rejected,
               "refused to send a request whose target contains spaces or line breaks");
  out.clear();
  out += line.method;
  out += ' ';
  out += line.target;
  out += " HTTP/1.1\r\n";
  appendField(out, "Host", line.host);
  for (const auto& [name, value] : headers.entries()) {
    // The transport frames the message itself.
    if (equalsIgnoreCase(name, "Host") || equalsIgnoreCase(name, "Content-Length") ||
        equalsIgnoreCase(name, "Transfer-Encoding") || equalsIgnoreCase(name, "Connection"))
      continue;
    checkHeader(name, value);
    appendField(out, name, value);
  }
  if (contentLength) appendField(out, "Content-Length", std::to_string(*contentLength));
  out += "\r\n";
}

}  // namespace aifoundry::http
