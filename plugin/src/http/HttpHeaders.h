// HttpHeaders: an ordered header list with case-insensitive lookup (HTTP names are case-insensitive).
// A value type; not synchronised.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
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
  void remove(const std::string& name);
  bool has(const std::string& name) const;
  std::optional<std::string> get(const std::string& name) const;
  std::string getOr(const std::string& name, const std::string& fallback) const;

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

bool equalsIgnoreCase(const std::string& a, const std::string& b);

}  // namespace aifoundry::http
