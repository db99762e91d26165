// Where the host's own identity token comes from ("Polysync Service Principal" sign-in): this stub host does
// not sign in itself, it hands out a token someone put in the environment or a file.
#pragma once

#include <optional>
#include <string>

namespace polysync::host {

class TokenSource {
 public:
  // `tokenFile` (--host-token-file) wins over $POLYSYNC_HOST_TOKEN, which wins over
  // $POLYSYNC_HOST_TOKEN_FILE.
  explicit TokenSource(std::optional<std::string> tokenFile = std::nullopt)
      : tokenFile_(std::move(tokenFile)) {}

  // Reads the token for `scope` now — on every request, so a rotated token is picked up. Surrounding
  // whitespace is trimmed. A file may hold one token (for every scope) or a JSON object of scope -> token,
  // e.g. {"https://management.azure.com/.default": "...", "https://ml.azure.com/.default": "..."}, with "*"
  // for any other scope: a plugin that asks for two audiences then gets the right token for each.
  // On failure returns nullopt and sets `error` to a one-line reason (never a token).
  // Thread-safe (reads only; the host never calls setenv).
  std::optional<std::string> read(const std::string& scope, std::string& error) const;

 private:
  std::optional<std::string> tokenFile_;
};

}  // namespace polysync::host
