#include "azureml/RunName.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <random>

#include "common/AsciiText.h"

namespace aifoundry::azureml {

std::string RunName::prefixFor(std::string_view templateName) {
  std::string prefix;
  for (const char c : templateName) {
    if (prefix.size() >= kMaxPrefix) break;
    if (prefix.empty() && !common::ascii::isAlnum(c))
      continue;  // the first character must be a letter or digit
    prefix.push_back(common::ascii::isWordChar(c) || c == '-' ? c : '_');
  }
  return prefix.empty() ? std::string("pipeline") : prefix;
}

std::string RunName::forIdempotencyKey(std::string_view templateName, std::string_view idempotencyKey) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  // Length-prefix the template name so ("ab","c") and ("a","bc") cannot collide.
  const std::string material = std::to_string(templateName.size()) + ":" + std::string(templateName) + "\n" +
                               std::string(idempotencyKey);
  sha.update(material);
  const std::string hex = Poco::DigestEngine::digestToHex(sha.digest());
  return prefixFor(templateName) + "_" + hex.substr(0, kKeyedSuffixHexDigits);
}

std::string RunName::withRandomSuffix(std::string_view templateName, std::uint64_t randomBits) {
  static const char* const kHex = "0123456789abcdef";
  std::string suffix(16, '0');
  for (std::size_t i = 0; i < 16; ++i) suffix[15 - i] = kHex[(randomBits >> (4 * i)) & 0xFu];
  return prefixFor(templateName) + "_" + suffix;
}

std::string RunName::withRandomSuffix(std::string_view templateName) {
  std::random_device device;
  const std::uint64_t bits =
      (static_cast<std::uint64_t>(device()) << 32) ^ static_cast<std::uint64_t>(device());
  return withRandomSuffix(templateName, bits);
}

}  // namespace aifoundry::azureml
