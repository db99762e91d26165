// TlsIdentity: a throw-away certificate authority and a server certificate it signs, for 127.0.0.1,
// ::1 and localhost (SAN), made at start with OpenSSL 3 (EC P-256: fast to generate). Clients trust the
// CA's PEM; the server gets a Poco Context built from the objects directly: no process-wide SSL state.
#pragma once

#include <Poco/Net/Context.h>

#include <string>

namespace azureml_emulator {

class TlsIdentity {
 public:
  // Throws std::runtime_error with OpenSSL's reason when generation fails.
  static TlsIdentity generate(const std::string& host);
  Poco::Net::Context::Ptr serverContext() const;
  const std::string& caCertificatePem() const { return caPem_; }
  const std::string& serverCertificatePem() const { return serverCertPem_; }
  const std::string& serverKeyPem() const { return serverKeyPem_; }

 private:
  std::string caPem_;
  std::string serverCertPem_;
  std::string serverKeyPem_;
};

}  // namespace azureml_emulator
