// AttributeReader: typed, validated access to the platform attributes (Attributes). Lookup ignores case.
// Errors are HttpError(InvalidSettings) naming the setting and what is expected; they never quote the value
// (it may be a secret). A value type over a borrowed map; not synchronised.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "http/Attributes.h"

namespace aifoundry::http {

class AttributeReader {
 public:
  explicit AttributeReader(const Attributes& attributes) : attributes_(attributes) {}

  // The trimmed value, or nothing when absent or blank.
  std::optional<std::string> find(const std::string& name) const;
  std::string textOr(const std::string& name, const std::string& fallback) const;
  // Fails naming the setting, and `why` it is needed (e.g. "for 'Authentication Method' = Certificate").
  std::string required(const std::string& name, const std::string& why) const;
  bool flag(const std::string& name, bool fallback) const;
  long integer(const std::string& name, long fallback, long min, long max) const;
  std::chrono::milliseconds seconds(const std::string& name, std::chrono::milliseconds fallback,
                                    long max) const;

 private:
  const Attributes& attributes_;
};

}  // namespace aifoundry::http
