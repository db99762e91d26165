// GeneratedPki: throw-away TLS certificates made in-process with the OpenSSL 3 API (EC P-256: fast; no
// openssl CLI): a CA, server certificates it signs for given subjectAltNames and validity windows (valid,
// expired, for another host), and a self-signed server certificate. Files live in a temporary directory
// removed with the object, so Poco contexts can load them by path.
#pragma once

#include <Poco/TemporaryFile.h>

#include <string>

namespace armtest {

struct CertificateFiles {
  std::string cert;  // PEM path
  std::string key;   // PEM path
};

class GeneratedPki {
 public:
  GeneratedPki();  // creates the CA; throws std::runtime_error when OpenSSL fails

  const std::string& caPath() const { return caPath_; }
  // A server certificate signed by the CA; `san` e.g. "DNS:localhost,IP:127.0.0.1"; validity in seconds
  // relative to now (notAfter < 0: already expired).
  CertificateFiles issue(const std::string& name, const std::string& san, long notBeforeS = -3600,
                         long notAfterS = 2L * 24 * 3600) const;
  // A self-signed server certificate (its own CA, as `openssl req -x509` makes): trusted only when a
  // client's CA bundle is this very file.
  CertificateFiles selfSigned(const std::string& name, const std::string& san) const;

 private:
  Poco::TemporaryFile dir_;
  std::string caPath_;
  std::string caKeyPem_;
  std::string caCertPem_;
};

}  // namespace armtest
