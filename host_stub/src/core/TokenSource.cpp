#include "polysync_host/TokenSource.h"

#include <Poco/String.h>

#include <cstdlib>

#include "polysync_host/TextFile.h"

namespace polysync::host {
namespace {

std::optional<std::string> readTokenFile(const std::string& path, const std::string& origin,
                                         std::string& error) {
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
  return token;
}

}  // namespace

std::optional<std::string> TokenSource::read(std::string& error) const {
  if (tokenFile_) return readTokenFile(*tokenFile_, "--host-token-file", error);
  if (const char* token = std::getenv("POLYSYNC_HOST_TOKEN"); token && *token) {
    std::string trimmed = Poco::trim(std::string(token));
    if (!trimmed.empty()) return trimmed;
  }
  if (const char* file = std::getenv("POLYSYNC_HOST_TOKEN_FILE"); file && *file) {
    return readTokenFile(file, "POLYSYNC_HOST_TOKEN_FILE", error);
  }
  error =
      "the host has no token of its own: set POLYSYNC_HOST_TOKEN, or POLYSYNC_HOST_TOKEN_FILE or "
      "--host-token-file to a file holding one, or choose another Authentication Method";
  return std::nullopt;
}

}  // namespace polysync::host
