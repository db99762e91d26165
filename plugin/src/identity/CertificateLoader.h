// loadClientCertificate: reads the `Certificate` setting in whichever form it came: PEM text (certificate
// and private key), a PFX/PKCS#12 blob, base64 of either, or a path to a file holding either. Checks the
// private key matches the certificate and, when a thumbprint is given, that it is this certificate's
// SHA-1 thumbprint. Errors name the setting, never its content. Pure (reads the file when given a path).
#pragma once

#include <Poco/Crypto/RSAKey.h>
#include <Poco/SharedPtr.h>

#include <string>

namespace aifoundry::identity {

struct ClientCertificate {
  Poco::SharedPtr<Poco::Crypto::RSAKey> key;  // private key, for RS256
  std::string x5t;                            // base64url of the SHA-1 thumbprint of the DER certificate
  std::string thumbprintHex;                  // the same thumbprint as upper-case hex
};

ClientCertificate loadClientCertificate(const std::string& certificateSetting, const std::string& password,
                                        const std::string& expectedThumbprint);

}  // namespace aifoundry::identity
