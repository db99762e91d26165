#include "identity/CertificateLoader.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/PKCS12Container.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <cctype>
#include <sstream>

#include "common/SettingNames.h"
#include "http/HttpError.h"

namespace aifoundry::identity {

namespace {

[[noreturn]] void invalid(const std::string& text) {
  http::throwError(http::ErrorReason::InvalidSettings, text);
}

bool looksLikePem(const std::string& data) { return data.find("-----BEGIN") != std::string::npos; }

bool isFile(const std::string& path) {
  if (path.size() > 4096 || path.find('\n') != std::string::npos) return false;
  try {
    Poco::File file(path);
    return file.exists() && file.isFile();
  } catch (...) {
    return false;
  }
}

std::string readFile(const std::string& path) {
  try {
    Poco::FileInputStream in(path, std::ios::in | std::ios::binary);
    std::string data;
    Poco::StreamCopier::copyToString(in, data);
    return data;
  } catch (const Poco::Exception&) {
    invalid("setting '" + std::string(common::settings::kCertificate) + "' names file '" + path +
            "', which cannot be read");
  }
}

bool tryBase64(const std::string& text, std::string& out) {
  std::string compact;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
  if (compact.empty() || compact.size() % 4 != 0) return false;
  for (char c : compact)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=') return false;
  try {
    std::istringstream in(compact);
    Poco::Base64Decoder decoder(in);
    Poco::StreamCopier::copyToString(decoder, out);
    return !out.empty();
  } catch (...) {
    return false;
  }
}

std::string base64Url(const Poco::DigestEngine::Digest& digest) {
  std::ostringstream out;
  {
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.write(reinterpret_cast<const char*>(digest.data()), static_cast<std::streamsize>(digest.size()));
    encoder.close();
  }
  return out.str();
}

std::string normaliseThumbprint(const std::string& text) {
  std::string out;
  for (char c : text)
    if (std::isxdigit(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

struct Parsed {
  Poco::Crypto::X509Certificate certificate;
  Poco::SharedPtr<Poco::Crypto::RSAKey> key;
};

Parsed fromPem(const std::string& pem, const std::string& password) {
  const std::string setting = common::settings::kCertificate;
  if (pem.find("PRIVATE KEY-----") == std::string::npos)
    invalid("setting '" + setting +
            "' holds a PEM certificate without its private key; include the key (PEM) or use a PFX");
  try {
    std::istringstream certIn(pem);
    Poco::Crypto::X509Certificate certificate(certIn);
    std::istringstream keyIn(pem);
    Poco::SharedPtr<Poco::Crypto::RSAKey> key(new Poco::Crypto::RSAKey(nullptr, &keyIn, password));
    return {certificate, key};
  } catch (const Poco::Exception&) {
    invalid("setting '" + setting + "' could not be read as a PEM certificate with an RSA private key (is '" +
            common::settings::kCertificatePassword + "' right for an encrypted key?)");
  }
}

Parsed fromPfx(const std::string& der, const std::string& password) {
  try {
    std::istringstream in(der);
    Poco::Crypto::PKCS12Container container(in, password);
    if (!container.hasKey() || !container.hasX509Certificate())
      invalid("setting '" + std::string(common::settings::kCertificate) +
              "' is a PFX without a certificate and private key");
    Poco::SharedPtr<Poco::Crypto::RSAKey> key(new Poco::Crypto::RSAKey(container.getKey()));
    return {container.getX509Certificate(), key};
  } catch (const http::HttpError&) {
    throw;
  } catch (const Poco::Exception&) {
    invalid("setting '" + std::string(common::settings::kCertificate) +
            "' could not be read as PEM, PFX, base64 of either, or a file path (or '" +
            common::settings::kCertificatePassword + "' is wrong for the PFX)");
  }
}

Parsed parseAny(const std::string& data, const std::string& password) {
  return looksLikePem(data) ? fromPem(data, password) : fromPfx(data, password);
}

}  // namespace

ClientCertificate loadClientCertificate(const std::string& setting, const std::string& password,
                                        const std::string& expectedThumbprint) {
  std::string data;
  if (looksLikePem(setting)) {
    data = setting;
  } else if (isFile(Poco::trim(setting))) {
    data = readFile(Poco::trim(setting));
  } else if (!tryBase64(setting, data)) {
    invalid("setting '" + std::string(common::settings::kCertificate) +
            "' is neither PEM text, base64 of a PEM or PFX, nor the path of an existing file");
  }
  Parsed parsed = parseAny(data, password);

  // A key that does not belong to the certificate would only fail later at Entra, with a vaguer message.
  if (Poco::Crypto::RSAKey(parsed.certificate).modulus() != parsed.key->modulus())
    invalid("setting '" + std::string(common::settings::kCertificate) +
            "': the private key does not belong to the certificate");

  ClientCertificate result;
  result.key = parsed.key;
  const auto sha1 = parsed.certificate.fingerprint("SHA1");
  result.x5t = base64Url(sha1);
  result.thumbprintHex = Poco::toUpper(Poco::DigestEngine::digestToHex(sha1));
  if (!expectedThumbprint.empty() && normaliseThumbprint(expectedThumbprint) != result.thumbprintHex)
    invalid("setting '" + std::string(common::settings::kThumbprint) + "' (" +
            normaliseThumbprint(expectedThumbprint) +
            ") does not match the certificate's SHA-1 thumbprint (" + result.thumbprintHex + ")");
  return result;
}

}  // namespace aifoundry::identity
