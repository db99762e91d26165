// EndpointGuard: decides whether a URL may be contacted at all, before any socket is opened.
// HTTPS always; plain HTTP only to a loopback address (127.0.0.0/8, ::1, localhost) and only when
// `Allow Plain HTTP To Loopback` is true, except for the managed-identity endpoints that are plain HTTP by
// design (the request says so). Each refusal is one HttpError(InvalidSettings) line saying why and which
// setting. Pure; thread-safe.
#pragma once

#include <string>

#include "http/HttpMessage.h"

namespace aifoundry::http {

struct TransportOptions;

// Throws HttpError(InvalidSettings) when the request's URL must not be contacted; otherwise returns the
// request's own parse of it (HttpRequest::parsedUrl), which the transport then connects to.
const Url& checkedEndpoint(const HttpRequest& request, const TransportOptions& options);

}  // namespace aifoundry::http
