#include "common/JsonText.h"

namespace aifoundry::common::jsontext {

void appendQuoted(std::string& out, std::string_view utf8) {
  static const char* const kHex = "0123456789abcdef";
  out.push_back('"');
  for (const char c : utf8) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 0xF]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void appendMember(std::string& out, std::string_view key, std::string_view rawValue) {
  if (!out.empty() && out.back() != '{') out.push_back(',');
  appendQuoted(out, key);
  out.push_back(':');
  out.append(rawValue);
}

std::string quoted(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 2);
  appendQuoted(out, utf8);
  return out;
}

std::string compact(std::string_view validJson) {
  std::string out;
  out.reserve(validJson.size());
  bool inString = false;
  for (std::size_t i = 0; i < validJson.size(); ++i) {
    const char c = validJson[i];
    if (inString) {
      out.push_back(c);
      if (c == '\\' && i + 1 < validJson.size())
        out.push_back(validJson[++i]);
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
      out.push_back(c);
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace aifoundry::common::jsontext
