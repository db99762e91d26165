// makeClientTlsContext: a Poco::Net::Context of our own for outgoing HTTPS, never the process-wide
// SSLManager defaults (the host and other plugins share the process). Peer verification is strict
// (certificate chain and host name), TLS 1.2 at least. Trust: the CA bundle when given, else the system
// store. Thread safety: a Context may be shared by many sessions and threads once built.
#pragma once

#include <Poco/Net/Context.h>

#include <string>

namespace aifoundry::http {

// Throws HttpError(InvalidSettings) naming `CA Bundle Path` when the bundle cannot be read.
Poco::Net::Context::Ptr makeClientTlsContext(const std::string& caBundlePath);

// Why the latest TLS handshake on this thread refused the server's certificate chain: the first OpenSSL
// X509_V_ERR_* code seen (0: none). Handshakes run on the calling thread, so the transport clears it before
// connecting and reads it when the connect fails, to say "expired" or "untrusted" instead of Poco's
// generic "certificate verify failed".
void clearCertificateError() noexcept;
int lastCertificateError() noexcept;

}  // namespace aifoundry::http
