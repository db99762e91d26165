#include "http/Redactor.h"

#include <cctype>
#include <mutex>
#include <set>
#include <string_view>

namespace aifoundry::http {

namespace {

struct Registry {
  std::mutex mutex;
  std::multiset<std::string> secrets;  // multiset: two credentials may hold the same value
};

Registry& registry() {
  static Registry instance;  // never destroyed before the last Registration (function-local static)
  return instance;
}

bool isBase64UrlChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

std::size_t skipBase64Url(const std::string& text, std::size_t pos) {
  while (pos < text.size() && isBase64UrlChar(text[pos])) ++pos;
  return pos;
}

bool isBlank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Replaces every JWT-shaped run (eyJ<b64url>+ '.' <b64url>+ '.' <b64url>*) by a marker. Hand-written, not
// <regex>: it sits on every log line's path, and GCC 12 warns falsely inside <regex> at -O2.
void redactJwts(std::string& text) {
  for (auto start = text.find("eyJ"); start != std::string::npos; start = text.find("eyJ", start + 1)) {
    const std::size_t header = skipBase64Url(text, start + 3);
    if (header == start + 3 || header >= text.size() || text[header] != '.') continue;
    const std::size_t payload = skipBase64Url(text, header + 1);
    if (payload == header + 1 || payload >= text.size() || text[payload] != '.') continue;
    const std::size_t end = skipBase64Url(text, payload + 1);
    text.replace(start, end - start, "<redacted-token>");
  }
}

// "Bearer <value>" or "bearer <value>": keeps the word, hides the value up to a blank or a delimiter.
void redactBearerValues(std::string& text) {
  static const std::string kMarker = " <redacted>";
  for (std::size_t found = text.find("earer"); found != std::string::npos;
       found = text.find("earer", found + 1)) {
    if (found == 0 || (text[found - 1] != 'B' && text[found - 1] != 'b')) continue;
    const std::size_t word = found + 5;
    std::size_t value = word;
    while (value < text.size() && isBlank(text[value])) ++value;
    if (value == word) continue;  // "Bearer" not followed by a blank: not a credential
    std::size_t end = value;
    while (end < text.size() && !isBlank(text[end]) &&
           std::string_view(",;\"'").find(text[end]) == std::string_view::npos)
      ++end;
    if (end == value) continue;
    text.replace(word, end - word, kMarker);
    found = word + kMarker.size() - 1;
  }
}

void replaceAll(std::string& text, const std::string& needle, const std::string& with) {
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + with.size()))
    text.replace(pos, needle.size(), with);
}

}  // namespace

Redactor::Registration Redactor::registerSecret(const std::string& secret) {
  if (secret.size() < 4) return nullptr;
  auto& reg = registry();
  {
    std::lock_guard<std::mutex> lock(reg.mutex);
    reg.secrets.insert(secret);
  }
  return Registration(static_cast<void*>(nullptr), [secret](void*) {
    auto& r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    auto it = r.secrets.find(secret);
    if (it != r.secrets.end()) r.secrets.erase(it);
  });
}

std::string Redactor::redact(std::string text) {
  {
    auto& reg = registry();
    std::lock_guard<std::mutex> lock(reg.mutex);
    for (const auto& secret : reg.secrets) replaceAll(text, secret, "<redacted>");
  }
  redactJwts(text);
  redactBearerValues(text);
  return text;
}

std::string oneLine(const std::string& text, std::size_t maxLength) {
  std::string out;
  out.reserve(std::min(text.size(), maxLength + 3));
  bool space = false;
  for (char c : text) {
    const bool blank =
        std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c));
    if (blank) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
    if (out.size() >= maxLength) {
      out += "...";
      break;
    }
  }
  return out;
}

}  // namespace aifoundry::http
