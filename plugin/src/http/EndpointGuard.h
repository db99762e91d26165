// EndpointGuard: decides whether a URL may be contacted at all, before any socket is opened.
// HTTPS always; plain HTTP only to a loopback address (127.0.0.0/8, ::1, localhost) and only when
// `Allow Plain HTTP To Loopback` is true, except for the managed-identity endpoints that are plain HTTP by
// design (the request says so). Each refusal is one HttpError(InvalidSettings) line saying why and which
// setting. Pure; thread-safe.
#pragma once

#include <Poco/URI.h>

#include <string>

namespace aifoundry::http {

struct TransportOptions;

bool isLoopbackHost(const std::string& host);

// Throws HttpError(InvalidSettings) when the URL must not be contacted; otherwise returns it parsed (the
// transport needs it parsed too; parsing it twice was ~2% of a poll's CPU, measured with bench/).
Poco::URI checkedEndpoint(const std::string& url, const TransportOptions& options, bool platformPlainHttp);

}  // namespace aifoundry::http
