#include "identity/TokenResponseParser.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include <limits>
#include <optional>

#include "http/HttpError.h"

namespace aifoundry::identity {

namespace {

std::optional<std::int64_t> number(const Poco::JSON::Object::Ptr& object, const std::string& name) {
  if (!object->has(name)) return std::nullopt;
  const auto value = object->get(name);
  try {
    if (value.isString()) {
      Poco::Int64 parsed = 0;
      if (Poco::NumberParser::tryParse64(value.extract<std::string>(), parsed)) return parsed;
      return std::nullopt;
    }
    if (value.isNumeric()) return value.convert<Poco::Int64>();
  } catch (...) {
  }
  return std::nullopt;
}

// now + seconds, saturated: a reply may say "expires_in": 9223372036854775807, which must not overflow.
std::int64_t later(std::int64_t nowUnixS, std::int64_t seconds) {
  using Limits = std::numeric_limits<std::int64_t>;
  if (seconds > 0 && nowUnixS > Limits::max() - seconds) return Limits::max();
  if (seconds < 0 && nowUnixS < Limits::min() - seconds) return Limits::min();
  return nowUnixS + seconds;
}

// A 2xx reply the token endpoint should never send: its fault, not the credentials' (those are refused with a
// 4xx and an AADSTS code), so Unavailable, which the token pipeline retries.
[[noreturn]] void malformed(const std::string& operation, const std::string& what) {
  http::throwError(http::ErrorReason::Unavailable,
                   operation + ": the token endpoint's reply " + what +
                       "; the sign-in service is misbehaving, try again later");
}

}  // namespace

http::AccessToken parseTokenResponse(const std::string& body, std::int64_t nowUnixS,
                                     const std::string& operation) {
  Poco::JSON::Object::Ptr root;
  try {
    root = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  } catch (...) {
    malformed(operation, "is not a JSON object");
  }
  http::AccessToken token;
  if (root->has("access_token") && root->get("access_token").isString())
    token.token = root->getValue<std::string>("access_token");
  if (token.token.empty()) malformed(operation, "has no access_token");
  if (auto expiresOn = number(root, "expires_on"))
    token.expiresOnUnixS = *expiresOn;
  else if (auto expiresIn = number(root, "expires_in"))
    token.expiresOnUnixS = later(nowUnixS, *expiresIn);
  else
    malformed(operation, "has neither expires_in nor expires_on as a whole number of seconds");
  if (auto refreshIn = number(root, "refresh_in")) token.refreshOnUnixS = later(nowUnixS, *refreshIn);
  return token;
}

}  // namespace aifoundry::identity
