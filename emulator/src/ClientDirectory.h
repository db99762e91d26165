// ClientDirectory: the app registrations and managed identities the emulated tenant knows. Thread-safe.
#pragma once

#include <Poco/Crypto/X509Certificate.h>
#include <Poco/SharedPtr.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace azureml_emulator {

struct RegisteredClient {
  std::string tenant;
  std::string clientId;
  std::string role = "Contributor";
  std::string secret;                                          // client-secret credential, when set
  Poco::SharedPtr<Poco::Crypto::X509Certificate> certificate;  // certificate credential, when set
  std::string thumbprintSha1;    // base64url SHA-1 of the certificate DER (the x5t header)
  std::string thumbprintSha256;  // base64url SHA-256 (x5t#S256)
  std::string thumbprintHex;     // upper-case hex SHA-1 (the C++ SDK's kid)
  bool federated = false;        // accepts emulator-minted federated assertions (workload identity)
};

class ClientDirectory {
 public:
  void addSecret(const std::string& tenant, const std::string& clientId, const std::string& secret,
                 const std::string& role);
  // Throws std::invalid_argument when the PEM holds no certificate.
  void addCertificate(const std::string& tenant, const std::string& clientId, const std::string& certPem,
                      const std::string& role);
  void addFederated(const std::string& tenant, const std::string& clientId, const std::string& role);
  void addManagedIdentity(const std::string& clientId, const std::string& role);

  std::optional<RegisteredClient> find(const std::string& tenant, const std::string& clientId) const;
  std::optional<std::string> managedIdentityRole(const std::string& clientId) const;
  std::optional<std::string> roleOf(const std::string& clientId) const;  // any kind of principal

 private:
  RegisteredClient& slot(const std::string& tenant, const std::string& clientId);
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, RegisteredClient> clients_;
  std::map<std::string, std::string> managedIdentities_;
};

}  // namespace azureml_emulator
