// formatRequestHead: the request line and header fields of one HTTP/1.1 request, written into a buffer
// the caller reuses, so a poll's GET goes out in ONE send (Poco wrote each request's headers twice, once
// to count them, through std::ostream; measured with bench/).
//
// Throws HttpError(Rejected) when a header name or value contains CR, LF, NUL or another control character
// (HTAB aside), or a name is not a token:
// such a header would let a value (say an attribute from a workspace) inject lines into the request.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "http/HttpHeaders.h"

namespace aifoundry::http {

struct RequestLine {
  const std::string& method;
  const std::string& target;  // origin form: "/path?query"
  const std::string& host;    // the Host header's value: "host" or "host:port"
};

// Replaces `out` with the head, blank line included. `contentLength` adds a Content-Length field.
void formatRequestHead(const RequestLine& line, const HttpHeaders& headers,
                       std::optional<std::size_t> contentLength, std::string& out);

}  // namespace aifoundry::http
