#include "polysync_host/TokenSource.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <cstdlib>

#include "polysync_host/TextFile.h"

namespace polysync::host {
namespace {

// A file holding a JSON object maps scopes to tokens; "*" stands for any scope not named.
std::optional<std::string> tokenForScope(const std::string& text, const std::string& scope,
                                         const std::string& origin, std::string& error) {
  Poco::JSON::Object::Ptr map;
  try {
    map = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
    map = nullptr;
  }
  if (map.isNull()) {
    error = "the host token file named by " + origin +
            " starts with '{' but is not a JSON object of scope -> token; fix it or write a single token";
    return std::nullopt;
  }
  for (const std::string& key : {scope, std::string("*")}) {
    if (!map->has(key)) continue;
    const Poco::Dynamic::Var value = map->get(key);
    std::string token = value.isString() ? Poco::trim(value.extract<std::string>()) : std::string();
    if (token.empty()) {
      error = "the host token file named by " + origin + " has no usable token for scope " + key +
              "; give it a non-empty string";
      return std::nullopt;
    }
    return token;
  }
  error = "the host token file named by " + origin + " has no token for scope " + scope +
          "; add that scope (or \"*\") to it";
  return std::nullopt;
}

std::optional<std::string> readTokenFile(const std::string& path, const std::string& origin,
                                         const std::string& scope, std::string& error) {
  const auto text = tryReadFile(path);
  if (!text) {
    error = "the host token file named by " + origin + " (" + path +
            ") cannot be read; check the path and permissions";
    return std::nullopt;
  }
  std::string token = Poco::trim(*text);
  if (token.empty()) {
    error = "the host token file named by " + origin + " (" + path + ") is empty; write a token into it";
    return std::nullopt;
  }
  if (token.front() == '{') return tokenForScope(token, scope, origin + " (" + path + ")", error);
  return token;
}

}  // namespace

std::optional<std::string> TokenSource::read(const std::string& scope, std::string& error) const {
  if (tokenFile_) return readTokenFile(*tokenFile_, "--host-token-file", scope, error);
  if (const char* token = std::getenv("POLYSYNC_HOST_TOKEN"); token && *token) {
    std::string trimmed = Poco::trim(std::string(token));
    if (!trimmed.empty()) return trimmed;
  }
  if (const char* file = std::getenv("POLYSYNC_HOST_TOKEN_FILE"); file && *file) {
    return readTokenFile(file, "POLYSYNC_HOST_TOKEN_FILE", scope, error);
  }
  error =
      "the host has no token of its own: set POLYSYNC_HOST_TOKEN, or POLYSYNC_HOST_TOKEN_FILE or "
      "--host-token-file to a file holding one, or choose another Authentication Method";
  return std::nullopt;
}

}  // namespace polysync::host
