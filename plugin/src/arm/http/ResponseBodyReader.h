// readResponseBody: reads one HTTP body from a Poco response stream with the transport's limits:
// a maximum size (checked against Content-Length first, then while reading, after decompression, so memory
// stays bounded), gzip/deflate decoding, truncation detection against Content-Length, and the call's
// deadline and interrupt checked between reads. Throws HttpError; runs on the calling thread.
#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <cstddef>
#include <functional>
#include <istream>
#include <string>

#include "arm/http/CallControl.h"

namespace aifoundry::arm {

struct BodyLimits {
    std::size_t maxBytes = 0;
    std::string target;  // "GET https://host/path", for messages
    // Called before each read that may block, e.g. to shrink the socket's timeout to the time left, so a
    // server trickling the body cannot carry a call past its deadline by a whole read wait. Optional.
    std::function<void()> beforeRead;
};

// Reads the whole body into a string.
std::string readResponseBody(std::istream& raw, const Poco::Net::HTTPResponse& response, const BodyLimits& limits,
                             const CallControl& control);

// Streams the body chunk by chunk to `sink` (same limits; for large list pages).
void streamResponseBody(std::istream& raw, const Poco::Net::HTTPResponse& response, const BodyLimits& limits,
                        const CallControl& control, const std::function<void(const char*, std::size_t)>& sink);

}  // namespace aifoundry::arm
