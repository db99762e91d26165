// ResponseHead: the status line and header fields of one HTTP/1.x response, parsed from the bytes received
// so far. Pure (no I/O), so it is unit-tested and fuzzed on its own; SocketInput feeds it.
//
// Accepted: "HTTP/1.0" and "HTTP/1.1", a three-digit status, any reason text, header fields "name: value"
// (optional whitespace trimmed), lines ending in CRLF or a bare LF. Refused (ResponseHeadError): anything
// else where the status line must be, a field without a colon or with an empty name, obsolete line folding,
// NUL/CR inside a line, more than kMaxFields fields, and a head longer than kMaxHeadBytes.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "http/HttpHeaders.h"

namespace aifoundry::http {

struct ResponseHead {
  int status = 0;
  std::string reason;
  int minorVersion = 1;  // HTTP/1.<minor>
  HttpHeaders headers;
  std::size_t length = 0;  // bytes of the head, including the blank line that ends it
};

// The head is malformed: `what()` says how, in a few words, without echoing the bytes (they could be
// anything).
class ResponseHeadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxHeadBytes = 64 * 1024;
inline constexpr std::size_t kMaxFields = 200;

// The head at the start of `received`, or nullopt when its blank line has not arrived yet (and the bytes so
// far could still be a head). Throws ResponseHeadError when they cannot be.
std::optional<ResponseHead> parseResponseHead(std::string_view received);

}  // namespace aifoundry::http
