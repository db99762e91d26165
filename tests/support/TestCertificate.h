// TestCertificate: a throw-away self-signed RSA certificate made with the openssl CLI (PEM certificate,
// PEM key, and a PFX protected by "pfx-pass") in a temporary directory removed with the object.
#pragma once

#include <Poco/Crypto/X509Certificate.h>
#include <Poco/DigestEngine.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace armtest {

inline std::string slurp(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string data;
  Poco::StreamCopier::copyToString(in, data);
  return data;
}

struct TestCertificate {
  Poco::TemporaryFile dir;
  std::string certPath, keyPath, pfxPath;
  TestCertificate() {
    dir.createDirectories();
    certPath = dir.path() + "/cert.pem";
    keyPath = dir.path() + "/key.pem";
    pfxPath = dir.path() + "/cert.pfx";
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + keyPath + " -out " + certPath +
        " -days 2 -subj /CN=arm-test 2>/dev/null && openssl pkcs12 -export -in " + certPath + " -inkey " +
        keyPath + " -out " + pfxPath + " -passout pass:pfx-pass 2>/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl failed");
  }
  std::string certificatePem() const { return slurp(certPath); }
  std::string pem() const { return slurp(certPath) + slurp(keyPath); }
  std::string thumbprint() const {
    Poco::Crypto::X509Certificate cert(certPath);
    return Poco::DigestEngine::digestToHex(cert.fingerprint("SHA1"));
  }
};

}  // namespace armtest
