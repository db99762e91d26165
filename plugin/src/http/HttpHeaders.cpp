#include "http/HttpHeaders.h"

#include <algorithm>
#include <utility>

namespace aifoundry::http {

bool equalsIgnoreCase(const std::string& a, const std::string& b) {
  // Field names are ASCII: no locale lookup per character.
  const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return fold(x) == fold(y); });
}

void HttpHeaders::set(std::string name, std::string value) {
  remove(name);
  entries_.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::add(std::string name, std::string value) {
  entries_.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::remove(const std::string& name) {
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [&](const Entry& e) { return equalsIgnoreCase(e.first, name); }),
                 entries_.end());
}

bool HttpHeaders::has(const std::string& name) const { return get(name).has_value(); }

std::optional<std::string> HttpHeaders::get(const std::string& name) const {
  for (const auto& e : entries_)
    if (equalsIgnoreCase(e.first, name)) return e.second;
  return std::nullopt;
}

std::string HttpHeaders::getOr(const std::string& name, const std::string& fallback) const {
  auto value = get(name);
  return value ? *value : fallback;
}

}  // namespace aifoundry::http
