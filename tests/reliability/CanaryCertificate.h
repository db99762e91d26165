// CanaryCertificate: a throw-away self-signed RSA client certificate made with the OpenSSL 3 API (no CLI), as
// the PEM certificate the emulator registers and a PKCS#12 blob (base64) protected by a given password, the
// form a user pastes into the `Certificate` setting.
#pragma once

#include <string>

namespace aifoundry::pipeline_job::testing {

struct CanaryCertificate {
  std::string certificatePem;
  std::string pfxBase64;

  // Throws std::runtime_error when OpenSSL fails.
  static CanaryCertificate generate(const std::string& password);
};

}  // namespace aifoundry::pipeline_job::testing
