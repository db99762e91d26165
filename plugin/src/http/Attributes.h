// Attributes: the platform attributes (the key/value settings Polysync stores per platform), by name.
// Values may be secrets (Client Secret, Certificate Password), so each lives in a SecretString and is wiped
// with the map. Lookup ignores case; an exact match wins over one that differs only in case.
// A value type; not synchronised.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "common/SecretString.h"

namespace aifoundry::http {

class Attributes {
 public:
  Attributes() = default;
  // Plain text in, each value copied into its SecretString (tools and tests that write settings inline).
  Attributes(std::initializer_list<std::pair<const std::string, std::string_view>> plain);

  void set(const std::string& name, common::SecretString value) { values_[name] = std::move(value); }
  void set(const std::string& name, std::string_view value) { set(name, common::SecretString(value)); }
  // As set(), unless `name` (exactly) is already there: then the first value stays. Returns whether it was
  // added.
  bool insert(const std::string& name, common::SecretString value) {
    return values_.emplace(name, std::move(value)).second;
  }
  // The value, or nullptr when no attribute has that name (in any case).
  const common::SecretString* find(const std::string& name) const;
  bool empty() const noexcept { return values_.empty(); }
  // Removes the attribute of exactly that name, wiping its value.
  void erase(const std::string& name) { values_.erase(name); }
  // Wipes every value.
  void clear() noexcept { values_.clear(); }

 private:
  std::map<std::string, common::SecretString> values_;
};

}  // namespace aifoundry::http
