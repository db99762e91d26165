#include "http/RequestHead.h"

#include <cstring>

#include "http/HttpError.h"

namespace aifoundry::http {

namespace {

bool isTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// Control characters other than HTAB (CR, LF and NUL among them) and DEL are not allowed in a field value
// (RFC 9110 section 5.5); one flag over the whole value, no early exit, so the loop stays branch-free.
bool hasControlCharacter(const std::string& text) {
  bool bad = false;
  for (const unsigned char c : text) bad |= (c < 0x20 && c != '\t') || c == 0x7f;
  return bad;
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
