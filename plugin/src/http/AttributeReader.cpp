#include "http/AttributeReader.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "http/HttpError.h"

namespace aifoundry::http {

std::optional<std::string> AttributeReader::find(const std::string& name) const {
  const common::SecretString* found = attributes_.find(name);
  if (found == nullptr) return std::nullopt;
  std::string value = Poco::trim(std::string(found->view()));
  if (value.empty()) return std::nullopt;
  return value;
}

std::string AttributeReader::textOr(const std::string& name, const std::string& fallback) const {
  auto value = find(name);
  return value ? *value : fallback;
}

std::string AttributeReader::required(const std::string& name, const std::string& why) const {
  auto value = find(name);
  if (!value)
    throwError(ErrorReason::InvalidSettings, "setting '" + name + "' is required " + why + " but is empty");
  return *value;
}

bool AttributeReader::flag(const std::string& name, bool fallback) const {
  auto value = find(name);
  if (!value) return fallback;
  bool result = false;
  if (!Poco::NumberParser::tryParseBool(*value, result))
    throwError(ErrorReason::InvalidSettings, "setting '" + name + "' must be true or false");
  return result;
}

long AttributeReader::integer(const std::string& name, long fallback, long min, long max) const {
  auto value = find(name);
  if (!value) return fallback;
  Poco::Int64 parsed = 0;
  if (!Poco::NumberParser::tryParse64(*value, parsed) || parsed < min || parsed > max)
    throwError(ErrorReason::InvalidSettings, "setting '" + name + "' must be a whole number from " +
                                                 std::to_string(min) + " to " + std::to_string(max));
  return static_cast<long>(parsed);
}

std::chrono::milliseconds AttributeReader::seconds(const std::string& name,
                                                   std::chrono::milliseconds fallback, long max) const {
  if (!find(name)) return fallback;
  return std::chrono::seconds(integer(name, 0, 1, max));
}

}  // namespace aifoundry::http
