// makeClientTlsContext: a Poco::Net::Context of our own for outgoing HTTPS, never the process-wide
// SSLManager defaults (the host and other plugins share the process). Peer verification is strict
// (certificate chain and host name), TLS 1.2 at least. Trust: the CA bundle when given, else the system store.
// Thread safety: a Context may be shared by many sessions and threads once built.
#pragma once

#include <Poco/Net/Context.h>

#include <string>

namespace aifoundry::arm {

// Throws HttpError(InvalidSettings) naming `CA Bundle Path` when the bundle cannot be read.
Poco::Net::Context::Ptr makeClientTlsContext(const std::string& caBundlePath);

}  // namespace aifoundry::arm
