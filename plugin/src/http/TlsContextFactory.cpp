#include "http/TlsContextFactory.h"

#include <Poco/File.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include "common/SettingNames.h"
#include "http/HttpError.h"
#include "http/Redactor.h"
#include "http/TransportOptions.h"

namespace aifoundry::http {

namespace {
constexpr const char* kSystemCaDirectory = "/etc/ssl/certs";

thread_local int certificateError = 0;

// Replaces Poco's verify callback, which only forwards failures to the process-wide SSLManager's events
// (never ours to touch): records the first failure, and keeps OpenSSL's verdict.
int recordCertificateError(int ok, X509_STORE_CTX* store) {
  if (!ok && certificateError == 0) certificateError = X509_STORE_CTX_get_error(store);
  return ok;
}

bool readable(const std::string& path) {
  try {
    Poco::File file(path);
    return file.exists() && file.canRead();
  } catch (...) {
    return false;
  }
}
}  // namespace

Poco::Net::Context::Ptr makeClientTlsContext(const std::string& caBundlePath) {
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.verificationDepth = 9;
  if (caBundlePath.empty()) {
    params.loadDefaultCAs = true;
    if (readable(kSystemCaDirectory)) params.caLocation = kSystemCaDirectory;
  } else {
    if (!readable(caBundlePath))
      throwError(ErrorReason::InvalidSettings, "setting '" + std::string(common::settings::kCaBundlePath) +
                                                   "' names '" + caBundlePath +
                                                   "', which does not exist or cannot be read");
    params.caLocation = caBundlePath;
    params.loadDefaultCAs = false;
  }
  try {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    SSL_CTX* ssl = context->sslContext();
    SSL_CTX_set_verify(ssl, SSL_CTX_get_verify_mode(ssl), &recordCertificateError);
    return context;
  } catch (const Poco::Exception& e) {
    throwError(ErrorReason::InvalidSettings,
               "cannot set up TLS with '" + std::string(common::settings::kCaBundlePath) + "': " +
                   Redactor::redact(oneLine(e.displayText())) + "; it must be a PEM file of CA certificates");
  }
}

void clearCertificateError() noexcept { certificateError = 0; }

int lastCertificateError() noexcept { return certificateError; }

}  // namespace aifoundry::http
