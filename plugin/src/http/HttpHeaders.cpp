#include "http/HttpHeaders.h"

#include <algorithm>
#include <utility>

namespace aifoundry::http {

bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept {
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

void HttpHeaders::remove(std::string_view name) {
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [&](const Entry& e) { return equalsIgnoreCase(e.first, name); }),
                 entries_.end());
}

const std::string* HttpHeaders::find(std::string_view name) const noexcept {
  for (const auto& e : entries_)
    if (equalsIgnoreCase(e.first, name)) return &e.second;
  return nullptr;
}

bool HttpHeaders::has(std::string_view name) const noexcept { return find(name) != nullptr; }

std::optional<std::string> HttpHeaders::get(std::string_view name) const {
  if (const std::string* value = find(name)) return *value;
  return std::nullopt;
}

std::string HttpHeaders::getOr(std::string_view name, std::string_view fallback) const {
  const std::string* value = find(name);
  return value ? *value : std::string(fallback);
}

}  // namespace aifoundry::http
