#include "GeneratedPki.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace armtest {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

void require(bool ok, const std::string& what) {
  if (!ok) throw std::runtime_error("cannot generate test certificates: " + what);
}

Key newKey() {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  require(key != nullptr, "EC key");
  return Key(key, EVP_PKEY_free);
}

void addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  require(ext != nullptr && X509_add_ext(cert, ext, -1) == 1, "extension " + value);
  X509_EXTENSION_free(ext);
}

Cert newCertificate(EVP_PKEY* key, const std::string& commonName, long notBeforeS, long notAfterS,
                    long serial) {
  Cert cert(X509_new(), X509_free);
  require(cert != nullptr, "X509_new");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), notBeforeS);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), notAfterS);
  X509_set_pubkey(cert.get(), key);
  X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0);
  return cert;
}

template <class Write>
std::string pem(Write write) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  write(bio.get());
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}
std::string pemOf(X509* cert) {
  return pem([&](BIO* bio) { PEM_write_bio_X509(bio, cert); });
}
std::string pemOf(EVP_PKEY* key) {
  return pem([&](BIO* bio) { PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr); });
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  require(static_cast<bool>(out), "writing " + path);
}

Key readKey(const std::string& text) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())),
                                                BIO_free);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  require(key != nullptr, "reading the CA key");
  return Key(key, EVP_PKEY_free);
}

Cert readCert(const std::string& text) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())),
                                                BIO_free);
  X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
  require(cert != nullptr, "reading the CA certificate");
  return Cert(cert, X509_free);
}

void makeServerCertificate(X509* cert, X509* issuer, const std::string& san) {
  addExtension(cert, issuer, NID_basic_constraints, "critical,CA:FALSE");
  addExtension(cert, issuer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
  addExtension(cert, issuer, NID_ext_key_usage, "serverAuth");
  addExtension(cert, issuer, NID_subject_alt_name, san);
}

}  // namespace

GeneratedPki::GeneratedPki() {
  dir_.createDirectories();
  caPath_ = dir_.path() + "/ca.pem";
  Key key = newKey();
  Cert ca = newCertificate(key.get(), "arm-test-ca", -3600, 2L * 24 * 3600, 1);
  X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get()));
  addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE");
  addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
  require(X509_sign(ca.get(), key.get(), EVP_sha256()) > 0, "signing the CA");
  caCertPem_ = pemOf(ca.get());
  caKeyPem_ = pemOf(key.get());
  writeFile(caPath_, caCertPem_);
}

CertificateFiles GeneratedPki::issue(const std::string& name, const std::string& san, long notBeforeS,
                                     long notAfterS) const {
  static std::atomic<long> serial{100};
  Key caKey = readKey(caKeyPem_);
  Cert ca = readCert(caCertPem_);
  Key key = newKey();
  Cert cert = newCertificate(key.get(), name, notBeforeS, notAfterS, ++serial);
  X509_set_issuer_name(cert.get(), X509_get_subject_name(ca.get()));
  makeServerCertificate(cert.get(), ca.get(), san);
  require(X509_sign(cert.get(), caKey.get(), EVP_sha256()) > 0, "signing " + name);
  CertificateFiles files{dir_.path() + "/" + name + ".pem", dir_.path() + "/" + name + ".key"};
  writeFile(files.cert, pemOf(cert.get()));
  writeFile(files.key, pemOf(key.get()));
  return files;
}

CertificateFiles GeneratedPki::selfSigned(const std::string& name, const std::string& san) const {
  Key key = newKey();
  Cert cert = newCertificate(key.get(), name, -3600, 2L * 24 * 3600, 7);
  X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
  addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
  addExtension(cert.get(), cert.get(), NID_subject_alt_name, san);
  require(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "signing " + name);
  CertificateFiles files{dir_.path() + "/" + name + ".pem", dir_.path() + "/" + name + ".key"};
  writeFile(files.cert, pemOf(cert.get()));
  writeFile(files.key, pemOf(key.get()));
  return files;
}

}  // namespace armtest
