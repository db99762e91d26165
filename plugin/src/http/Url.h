// Url: an absolute URL taken apart once. Every decision about where a request goes (may the token go there,
// may it be contacted at all, which pooled connection carries it) and the request line itself read the
// same Url, so no two parsers can disagree about a host. Strict on the authority (the part a lying reply
// would bend), faithful with the rest: the path and query go out as written, nothing decoded and
// re-encoded, with only the bytes a request line cannot carry percent-encoded. A plain value; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aifoundry::http {

struct Url {
  std::string scheme;       // lower case
  std::string host;         // lower case (host names are case-insensitive); an IPv6 literal without brackets
  unsigned short port = 0;  // explicit, or the scheme's default
  bool loopback = false;    // isLoopbackHost(host)
  std::string path;         // the path of `target`, for messages
  std::string target;       // what the request line asks for: path and query, starting with '/', no fragment

  // Empty when `text` is not "scheme://host[:port][/path][?query][#fragment]" with a host, when it carries
  // user information ("user@host": Azure's endpoints never do, and a reply that offers one is not followed),
  // when the host has a character no host name or address has (nothing is decoded), or when the port is not
  // 1-65535.
  static std::optional<Url> parse(const std::string& text);

  bool defaultPort() const { return port == (scheme == "https" ? 443 : 80); }
  // host[:port] as a Host field or a message writes it: the port only when it is not the scheme's
  // default, an IPv6 literal in brackets.
  std::string authority() const;
  // "https://host[:port]/path", no query: queries carry paging tokens and ids, not needed to act.
  std::string withoutQuery() const { return scheme + "://" + authority() + path; }
};

// localhost, 127.0.0.0/8 or ::1 (any spelling of them).
bool isLoopbackHost(const std::string& host);

// Whether `text` may be shown to a user as a link and written back: a URL that parses (above), with no
// blank, control or non-ASCII byte anywhere, that is https://, or http:// to a loopback host when
// `allowPlainHttpToLoopback` (the rule the transport applies to requests). A link can come from a reply:
// `javascript:`, `data:`, `file:`, other schemes and user information are refused.
bool isShowableLink(std::string_view text, bool allowPlainHttpToLoopback);

}  // namespace aifoundry::http
