#include "polysync_host/Errors.h"

#include <polysync/jobtype_v1/base.h>

#include <string_view>

namespace polysync::host {

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

const char* errorCodeName(int32_t code) {
  switch (code) {
    case PSJ_E_RATE_LIMITED:
      return "RateLimited";
    case PSJ_E_UNAVAILABLE:
      return "Unavailable";
    case PSJ_E_TIMEOUT:
      return "Timeout";
    case PSJ_E_INTERRUPTED:
      return "Interrupted";
    case PSJ_E_INVALID_SETTINGS:
      return "InvalidSettings";
    case PSJ_E_AUTHENTICATION:
      return "Authentication";
    case PSJ_E_PERMISSION:
      return "Permission";
    case PSJ_E_NOT_FOUND:
      return "NotFound";
    case PSJ_E_INVALID_ARGUMENT:
      return "InvalidArgument";
    case PSJ_E_REJECTED:
      return "Rejected";
    case PSJ_E_UNSUPPORTED:
      return "Unsupported";
    default:
      return "Internal";
  }
}

}  // namespace polysync::host
