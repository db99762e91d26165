// HttpHeaders: an ordered header list with case-insensitive lookup (HTTP names are case-insensitive).
// A value type; not synchronised.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aifoundry::http {

class HttpHeaders {
 public:
  using Entry = std::pair<std::string, std::string>;

  // Replaces every header of that name with one value.
  void set(std::string name, std::string value);
  void add(std::string name, std::string value);
  void reserve(std::size_t fields) { entries_.reserve(fields); }
  // Names are compared as views: a literal name costs no std::string (a name over 15 bytes, such as
  // "Transfer-Encoding", would be a heap allocation per comparison).
  void remove(std::string_view name);
  bool has(std::string_view name) const noexcept;
  // The first value of that name, or nullptr; valid until the headers change.
  const std::string* find(std::string_view name) const noexcept;
  std::optional<std::string> get(std::string_view name) const;
  std::string getOr(std::string_view name, std::string_view fallback) const;

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept;

}  // namespace aifoundry::http
