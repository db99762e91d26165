// streamResponseBody / readResponseBody: read the body that follows a response head, by its framing
// (Content-Length, chunked, or until the server closes), within the transport's limits:
// - a maximum size, checked against Content-Length first, then while reading, after decompression, so
//   memory stays bounded;
// - gzip/deflate content codings decoded as they arrive (BodyInflater);
// - a body cut short (closed before Content-Length bytes or before the last chunk) is an error;
// - the call's deadline and interrupt are checked before every receive.
// Throws HttpError; Poco's socket exceptions (timeout, reset, TLS) pass through for the transport to name.
// Runs on the calling thread.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/BodyInflater.h"
#include "http/CallControl.h"
#include "http/ResponseHead.h"
#include "http/SocketInput.h"

namespace aifoundry::http {

struct BodyLimits {
  std::size_t maxBytes = 0;
  const std::string& target;  // "GET https://host/path", for messages; outlives the read
  // Called before each receive that may block, e.g. to shrink the socket's timeout to the time left, so a
  // server trickling the body cannot carry a call past its deadline by a whole read wait. Optional.
  std::function<void()> beforeRead;
};

// Where the body comes from: what has arrived already (`input`, the head consumed) and the socket for more.
struct BodySource {
  SocketInput& input;
  Poco::Net::StreamSocket& socket;
  const ResponseHead& head;
  bool headRequest = false;  // a reply to HEAD has no body whatever its headers say
  // The connection's slot for a decoder of compressed bodies: filled at the first, restarted for the next;
  // null: a decoder made for this body alone.
  std::unique_ptr<BodyInflater>* inflaterSlot = nullptr;
};

// Streams the (decoded) body piece by piece to `sink`. Returns true when the body ended by its framing
// and nothing followed it, i.e. the connection may carry another request (the caller still checks the
// Connection header).
bool streamResponseBody(const BodySource& source, const BodyLimits& limits, const CallControl& control,
                        const std::function<void(const char*, std::size_t)>& sink);

// Reads the whole body into `body`; returns as streamResponseBody.
bool readResponseBody(const BodySource& source, const BodyLimits& limits, const CallControl& control,
                      std::string& body);

}  // namespace aifoundry::http
