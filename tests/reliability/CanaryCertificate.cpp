#include "CanaryCertificate.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>

namespace aifoundry::pipeline_job::testing {
namespace {

template <class T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, std::integral_constant<decltype(Free), Free>>;

std::string bioText(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("cannot create the test certificate: ") + what);
}

}  // namespace

CanaryCertificate CanaryCertificate::generate(const std::string& password) {
  Owned<EVP_PKEY, EVP_PKEY_free> key(EVP_RSA_gen(2048));
  require(key != nullptr, "RSA key");
  Owned<X509, X509_free> cert(X509_new());
  require(cert != nullptr, "X509_new");
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 2L * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("canary-client"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  require(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "signing");

  CanaryCertificate result;
  {
    Owned<BIO, BIO_free_all> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert.get());
    result.certificatePem = bioText(bio.get());
  }
  Owned<PKCS12, PKCS12_free> p12(
      PKCS12_create(password.c_str(), "canary", key.get(), cert.get(), nullptr, 0, 0, 0, 0, 0));
  require(p12 != nullptr, "PKCS12_create");
  Owned<BIO, BIO_free_all> b64(BIO_push(BIO_new(BIO_f_base64()), BIO_new(BIO_s_mem())));
  BIO_set_flags(b64.get(), BIO_FLAGS_BASE64_NO_NL);
  require(i2d_PKCS12_bio(b64.get(), p12.get()) > 0, "PKCS12 encoding");
  require(BIO_flush(b64.get()) > 0, "base64");
  result.pfxBase64 = bioText(BIO_next(b64.get()));
  return result;
}

}  // namespace aifoundry::pipeline_job::testing
