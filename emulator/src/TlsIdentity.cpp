#include "TlsIdentity.h"

#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/X509Certificate.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <sstream>
#include <stdexcept>

namespace azureml_emulator {

namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

[[noreturn]] void fail(const std::string& what) {
  char reason[256] = "unknown OpenSSL error";
  if (unsigned long code = ERR_get_error()) ERR_error_string_n(code, reason, sizeof reason);
  throw std::runtime_error("cannot create the emulator's TLS certificate (" + what + "): " + reason);
}

KeyPtr newKey() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (!key) fail("EC key generation");
  return KeyPtr(key, EVP_PKEY_free);
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext || !X509_add_ext(cert, ext, -1)) fail(std::string("extension ") + value);
  X509_EXTENSION_free(ext);
}

CertPtr newCertificate(EVP_PKEY* key, const std::string& commonName) {
  CertPtr cert(X509_new(), X509_free);
  if (!cert) fail("X509_new");
  X509_set_version(cert.get(), 2);
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7F;
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 30L * 24 * 3600);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("azureml-emulator"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0);
  return cert;
}

std::string pemOf(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(size));
  BIO_free(bio);
  return pem;
}

std::string pemOf(EVP_PKEY* key) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(size));
  BIO_free(bio);
  return pem;
}

}  // namespace

TlsIdentity TlsIdentity::generate(const std::string& host) {
  KeyPtr caKey = newKey();
  CertPtr ca = newCertificate(caKey.get(), "azureml-emulator test CA");
  X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get()));
  addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
  addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
  if (!X509_sign(ca.get(), caKey.get(), EVP_sha256())) fail("signing the CA");

  KeyPtr serverKey = newKey();
  CertPtr server = newCertificate(serverKey.get(), "localhost");
  X509_set_issuer_name(server.get(), X509_get_subject_name(ca.get()));
  std::string san = "DNS:localhost,IP:127.0.0.1,IP:::1";
  if (host != "127.0.0.1" && host != "localhost" && host != "::1" && !host.empty() && host != "0.0.0.0")
    san += (host.find_first_not_of("0123456789.") == std::string::npos ? ",IP:" : ",DNS:") + host;
  addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
  addExtension(server.get(), ca.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment");
  addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth");
  addExtension(server.get(), ca.get(), NID_subject_alt_name, san.c_str());
  addExtension(server.get(), ca.get(), NID_subject_key_identifier, "hash");
  addExtension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
  if (!X509_sign(server.get(), caKey.get(), EVP_sha256())) fail("signing the server certificate");

  TlsIdentity identity;
  identity.caPem_ = pemOf(ca.get());
  identity.serverCertPem_ = pemOf(server.get());
  identity.serverKeyPem_ = pemOf(serverKey.get());
  return identity;
}

Poco::Net::Context::Ptr TlsIdentity::serverContext() const {
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  params.loadDefaultCAs = false;
  params.cipherList = "HIGH:!aNULL:!MD5";
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
  std::istringstream certIn(serverCertPem_);
  context->useCertificate(Poco::Crypto::X509Certificate(certIn));
  std::istringstream keyIn(serverKeyPem_);
  context->usePrivateKey(Poco::Crypto::EVPPKey(nullptr, &keyIn));
  return context;
}

}  // namespace azureml_emulator
