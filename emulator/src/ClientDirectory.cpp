#include "ClientDirectory.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/DigestEngine.h>
#include <Poco/DigestEngine.h>
#include <Poco/String.h>
#include <openssl/x509.h>

#include <sstream>
#include <stdexcept>

namespace azureml_emulator {

namespace {

std::string base64Url(const std::vector<unsigned char>& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

std::vector<unsigned char> digestOfDer(const Poco::Crypto::X509Certificate& certificate,
                                       const std::string& algorithm) {
  unsigned char* der = nullptr;
  const int length = i2d_X509(const_cast<X509*>(certificate.certificate()), &der);
  if (length <= 0) throw std::invalid_argument("the certificate could not be encoded as DER");
  Poco::Crypto::DigestEngine engine(algorithm);
  engine.update(der, static_cast<size_t>(length));
  OPENSSL_free(der);
  return engine.digest();
}

}  // namespace

RegisteredClient& ClientDirectory::slot(const std::string& tenant, const std::string& clientId) {
  RegisteredClient& client = clients_[{Poco::toLower(tenant), Poco::toLower(clientId)}];
  client.tenant = tenant;
  client.clientId = clientId;
  return client;
}

void ClientDirectory::addSecret(const std::string& tenant, const std::string& clientId,
                                const std::string& secret, const std::string& role) {
  std::lock_guard<std::mutex> lock(mutex_);
  RegisteredClient& client = slot(tenant, clientId);
  client.secret = secret;
  client.role = role;
}

void ClientDirectory::addCertificate(const std::string& tenant, const std::string& clientId,
                                     const std::string& certPem, const std::string& role) {
  std::istringstream in(certPem);
  Poco::SharedPtr<Poco::Crypto::X509Certificate> certificate;
  try {
    certificate = new Poco::Crypto::X509Certificate(in);
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument("the certificate for client " + clientId +
                                " is not a PEM certificate: " + e.displayText());
  }
  const auto sha1 = digestOfDer(*certificate, "SHA1");
  const auto sha256 = digestOfDer(*certificate, "SHA256");
  std::lock_guard<std::mutex> lock(mutex_);
  RegisteredClient& client = slot(tenant, clientId);
  client.certificate = certificate;
  client.thumbprintSha1 = base64Url(sha1);
  client.thumbprintSha256 = base64Url(sha256);
  client.thumbprintHex = Poco::toUpper(Poco::DigestEngine::digestToHex(sha1));
  client.role = role;
}

void ClientDirectory::addFederated(const std::string& tenant, const std::string& clientId,
                                   const std::string& role) {
  std::lock_guard<std::mutex> lock(mutex_);
  RegisteredClient& client = slot(tenant, clientId);
  client.federated = true;
  client.role = role;
}

void ClientDirectory::addManagedIdentity(const std::string& clientId, const std::string& role) {
  std::lock_guard<std::mutex> lock(mutex_);
  managedIdentities_[Poco::toLower(clientId)] = role;
}

std::optional<RegisteredClient> ClientDirectory::find(const std::string& tenant,
                                                      const std::string& clientId) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = clients_.find({Poco::toLower(tenant), Poco::toLower(clientId)});
  if (it == clients_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> ClientDirectory::managedIdentityRole(const std::string& clientId) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = managedIdentities_.find(Poco::toLower(clientId));
  if (it == managedIdentities_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> ClientDirectory::roleOf(const std::string& clientId) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string id = Poco::toLower(clientId);
  for (const auto& [key, client] : clients_)
    if (key.second == id) return client.role;
  auto it = managedIdentities_.find(id);
  if (it != managedIdentities_.end()) return it->second;
  return std::nullopt;
}

}  // namespace azureml_emulator
