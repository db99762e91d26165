#include "http/Attributes.h"

#include "http/HttpHeaders.h"

namespace aifoundry::http {

Attributes::Attributes(std::initializer_list<std::pair<const std::string, std::string_view>> plain) {
  for (const auto& [name, value] : plain) set(name, value);
}

const common::SecretString* Attributes::find(const std::string& name) const {
  if (const auto exact = values_.find(name); exact != values_.end()) return &exact->second;
  const common::SecretString* found = nullptr;
  for (const auto& [key, value] : values_)
    if (equalsIgnoreCase(key, name)) found = &value;
  return found;
}

}  // namespace aifoundry::http
