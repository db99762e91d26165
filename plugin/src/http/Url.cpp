#include "http/Url.h"

#include <Poco/Net/IPAddress.h>

#include <array>
#include <cstddef>
#include <string_view>

#include "common/AsciiText.h"

namespace aifoundry::http {

namespace {

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Letters, digits, '-', '.', '_' for a name; hex digits, ':' and '.' inside an IPv6 literal's brackets.
// Nothing is decoded: a reply cannot spell a host with spaces, control characters or a second '@' in escapes.
bool plainHost(std::string_view host, bool ipv6Literal) {
  if (host.empty()) return false;
  for (const char c : host) {
    const bool ok = ipv6Literal ? (common::ascii::isHexDigit(c) || c == ':' || c == '.')
                                : (common::ascii::isAlnum(c) || c == '-' || c == '.' || c == '_');
    if (!ok) return false;
  }
  return true;
}

bool parsePort(std::string_view text, unsigned short& port) {
  if (text.empty() || text.size() > 5) return false;
  unsigned long value = 0;
  for (const char c : text) {
    if (!isDigit(c)) return false;
    value = value * 10 + static_cast<unsigned long>(c - '0');
  }
  if (value == 0 || value > 65535) return false;
  port = static_cast<unsigned short>(value);
  return true;
}

// A request-target may hold only visible ASCII, and none of the characters RFC 3986 leaves out of URIs; any
// other byte is percent-encoded, so no URL can put a space, a CR or an LF into the request line. A table:
// every request's URL passes through here.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = 0; c < table.size(); ++c) table[c] = c <= 0x20 || c >= 0x7f;
  for (const char c : std::string_view("\"<>\\^`{|}")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool needsEscape(char c) { return kNeedsEscape[static_cast<unsigned char>(c)]; }

std::string requestTarget(const std::string& text, std::size_t from, std::size_t to) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(to - from + 1);
  if (from == to || text[from] != '/') out.push_back('/');
  // The URLs the plugin builds need no escape: copied as runs between the bytes that do.
  std::size_t i = from;
  while (i < to) {
    std::size_t run = i;
    while (run < to && !needsEscape(text[run])) ++run;
    out.append(text, i, run - i);
    if (run == to) break;
    const auto c = static_cast<unsigned char>(text[run]);
    out.push_back('%');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xF]);
    i = run + 1;
  }
  return out;
}

// The scheme and the authority of `text` into `url` (scheme, host, port, loopback): the part of a URL that
// says where it leads. The position where the authority ends, or npos when they are not well formed. Reads
// `text` in place: only the scheme and the host are copied out.
std::size_t parseSchemeAndAuthority(std::string_view text, Url& url) {
  const std::size_t schemeEnd = text.find("://");
  if (schemeEnd == std::string::npos || schemeEnd == 0 || !isAlpha(text[0])) return std::string::npos;
  url.scheme = common::ascii::toLower(text.substr(0, schemeEnd));
  for (const char c : url.scheme)
    if (!common::ascii::isAlnum(c) && c != '+' && c != '-' && c != '.') return std::string::npos;

  const std::size_t authorityBegin = schemeEnd + 3;
  std::size_t authorityEnd = text.find_first_of("/?#", authorityBegin);
  if (authorityEnd == std::string::npos) authorityEnd = text.size();
  const std::string_view authority = text.substr(authorityBegin, authorityEnd - authorityBegin);
  if (authority.find('@') != std::string::npos) return std::string::npos;  // user information

  std::string_view host;
  std::string_view portText;
  bool hasPort = false;
  bool ipv6Literal = false;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string::npos) return std::string::npos;
    host = authority.substr(1, close - 1);
    ipv6Literal = true;
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return std::string::npos;
      portText = authority.substr(close + 2);
      hasPort = true;
    }
  } else {
    const std::size_t colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string::npos) {
      portText = authority.substr(colon + 1);
      hasPort = true;
    }
  }
  if (!plainHost(host, ipv6Literal)) return std::string::npos;
  url.host = common::ascii::toLower(host);
  url.loopback = isLoopbackHost(url.host);
  if (hasPort) {
    if (!parsePort(portText, url.port)) return std::string::npos;
  } else {
    url.port = url.scheme == "https" ? 443 : url.scheme == "http" ? 80 : 0;
  }
  return authorityEnd;
}

}  // namespace

std::optional<Url> Url::parse(const std::string& text) {
  Url url;
  const std::size_t authorityEnd = parseSchemeAndAuthority(text, url);
  if (authorityEnd == std::string::npos) return std::nullopt;
  std::size_t end = text.find('#', authorityEnd);
  if (end == std::string::npos) end = text.size();
  url.target = requestTarget(text, authorityEnd, end);
  url.path = url.target.substr(0, url.target.find('?'));
  return url;
}

bool isLoopbackHost(const std::string& host) {
  if (common::ascii::iequals(host, "localhost")) return true;
  // Only an address can be loopback, and every address starts with a digit or holds a ':' (IPv6): a host
  // name, the common case, is answered without the address parser.
  if (host.empty() || (!isDigit(host.front()) && host.find(':') == std::string::npos)) return false;
  Poco::Net::IPAddress address;
  return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

bool isShowableLink(std::string_view text, bool allowPlainHttpToLoopback) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f) return false;  // blanks, controls, anything not ASCII
  }
  // Where it leads is all that decides: the path and query are not needed (every byte was checked above).
  Url url;
  if (parseSchemeAndAuthority(text, url) == std::string::npos) return false;
  if (url.scheme == "https") return true;
  return url.scheme == "http" && allowPlainHttpToLoopback && url.loopback;
}

std::string Url::authority() const {
  std::string value = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (!defaultPort()) value += ":" + std::to_string(port);
  return value;
}

}  // namespace aifoundry::http
