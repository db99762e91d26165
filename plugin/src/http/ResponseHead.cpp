#include "http/ResponseHead.h"

#include <cstring>

namespace aifoundry::http {

namespace {

bool isOws(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && isOws(text.front())) text.remove_prefix(1);
  while (!text.empty() && isOws(text.back())) text.remove_suffix(1);
  return text;
}

// A line without its terminator (CRLF or LF); CR or NUL inside it is refused.
std::string_view checkedLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find('\r') != std::string_view::npos || line.find('\0') != std::string_view::npos)
    throw ResponseHeadError("a control character inside a header line");
  return line;
}

void parseStatusLine(std::string_view line, ResponseHead& head) {
  // "HTTP/1.x SSS reason" (the reason may be empty, and then the space after the status may be missing).
  if (line.size() < 12 || line.compare(0, 7, "HTTP/1.") != 0 || (line[7] != '0' && line[7] != '1') ||
      line[8] != ' ')
    throw ResponseHeadError("the reply does not start with an HTTP/1.x status line");
  head.minorVersion = line[7] - '0';
  int status = 0;
  for (std::size_t i = 9; i < 12; ++i) {
    if (line[i] < '0' || line[i] > '9') throw ResponseHeadError("the status line has no three-digit status");
    status = status * 10 + (line[i] - '0');
  }
  if (status < 100) throw ResponseHeadError("the status line has no three-digit status");
  if (line.size() > 12 && line[12] != ' ')
    throw ResponseHeadError("the status line has no three-digit status");
  head.status = status;
  head.reason = std::string(line.size() > 13 ? line.substr(13) : std::string_view());
}

void parseField(std::string_view line, ResponseHead& head) {
  if (isOws(line.front())) throw ResponseHeadError("a folded header line (obsolete syntax)");
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) throw ResponseHeadError("a header line without a name");
  const std::string_view name = line.substr(0, colon);
  for (char c : name)
    if (isOws(c)) throw ResponseHeadError("whitespace inside a header name");
  if (head.headers.entries().size() >= kMaxFields) throw ResponseHeadError("too many header fields");
  head.headers.add(std::string(name), std::string(trim(line.substr(colon + 1))));
}

}  // namespace

std::optional<ResponseHead> parseResponseHead(std::string_view received) {
  // Find the end of the head first: most calls see an incomplete head (nothing to parse yet) or a
  // complete one (parse once).
  std::size_t end = std::string_view::npos;
  for (std::size_t from = 0; from < received.size();) {
    const void* found = std::memchr(received.data() + from, '\n', received.size() - from);
    if (!found) break;
    const auto lf = static_cast<std::size_t>(static_cast<const char*>(found) - received.data());
    // An empty line (LF, or CR LF) after the status line ends the head.
    const bool emptyLine = lf > 0 && (received[lf - 1] == '\n' ||
                                      (received[lf - 1] == '\r' && lf > 1 && received[lf - 2] == '\n'));
    if (emptyLine) {
      end = lf + 1;
      break;
    }
    from = lf + 1;
  }
  if (end == std::string_view::npos) {
    if (received.size() >= kMaxHeadBytes) throw ResponseHeadError("the response head is longer than 64 KB");
    // Refuse early what cannot become a status line (e.g. a TLS alert or HTML on a plain connection).
    const std::string_view prefix = "HTTP/1.";
    const std::size_t n = std::min(received.size(), prefix.size());
    if (received.compare(0, n, prefix.substr(0, n)) != 0)
      throw ResponseHeadError("the reply does not start with an HTTP/1.x status line");
    return std::nullopt;
  }
  if (end > kMaxHeadBytes) throw ResponseHeadError("the response head is longer than 64 KB");

  ResponseHead head;
  head.length = end;
  head.headers.reserve(16);  // Azure's replies carry about a dozen fields
  std::string_view rest = received.substr(0, end);
  bool first = true;
  while (!rest.empty()) {
    const auto lf = rest.find('\n');
    const std::string_view line = checkedLine(rest.substr(0, lf));
    rest.remove_prefix(lf + 1);
    if (first) {
      parseStatusLine(line, head);
      first = false;
    } else if (!line.empty()) {
      parseField(line, head);
    }
  }
  return head;
}

}  // namespace aifoundry::http
