#include "polysync_host/Errors.h"

#include <polysync/jobtype_v1/base.h>

#include <string_view>

#include "common/EnumNames.h"

namespace polysync::host {
namespace {

constexpr aifoundry::common::EnumName<int32_t> kErrorCodes[] = {{PSJ_E_RATE_LIMITED, "RateLimited"},
                                                                {PSJ_E_UNAVAILABLE, "Unavailable"},
                                                                {PSJ_E_TIMEOUT, "Timeout"},
                                                                {PSJ_E_INTERRUPTED, "Interrupted"},
                                                                {PSJ_E_INVALID_SETTINGS, "InvalidSettings"},
                                                                {PSJ_E_AUTHENTICATION, "Authentication"},
                                                                {PSJ_E_PERMISSION, "Permission"},
                                                                {PSJ_E_NOT_FOUND, "NotFound"},
                                                                {PSJ_E_INVALID_ARGUMENT, "InvalidArgument"},
                                                                {PSJ_E_REJECTED, "Rejected"},
                                                                {PSJ_E_UNSUPPORTED, "Unsupported"}};

}  // namespace

std::string oneLineDetail(const std::string& detail, std::size_t maxBytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : detail) {
    if (out.size() >= maxBytes) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out;
}

bool isKnownCode(int32_t code) {
  return std::string_view(errorCodeName(code)) != "Internal" || code == PSJ_E_INTERNAL;
}

bool isBandedCode(int32_t code) {
  return PSJ_CODE_IS_RETRYABLE(code) || PSJ_CODE_IS_CONFIGURATION(code) || PSJ_CODE_IS_PERMANENT(code);
}

std::string codeText(int32_t code) {
  return isKnownCode(code) ? std::string(errorCodeName(code)) : "code " + std::to_string(code);
}

const char* errorCodeName(int32_t code) { return aifoundry::common::nameIn(kErrorCodes, code, "Internal"); }

}  // namespace polysync::host
