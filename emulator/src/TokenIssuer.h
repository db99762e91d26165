// TokenIssuer: mints the access tokens every sign-in route hands out, and recognises them on the way back.
// Tokens are real JWTs (HS256 with a per-process key, claims like Entra's v1 tokens) and are also kept in
// a registry, so checking one is a hash lookup: the hot GET path does no crypto. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace azureml_emulator {

struct TokenInfo {
  std::string audience;  // without a trailing slash
  std::string clientId;  // the principal (appid)
  std::string role;      // Contributor, Reader or None
  int64_t expiresAtMs = 0;
};

class TokenIssuer {
 public:
  TokenIssuer(std::string tenant, std::string issuerHost);
  struct Issued {
    std::string token;
    int64_t expiresAtMs;
  };
  Issued issue(const std::string& audience, const std::string& clientId, const std::string& role,
               int lifetimeSeconds);
  std::optional<TokenInfo> lookup(const std::string& token) const;
  size_t issuedTo(const std::string& clientId) const;
  size_t total() const;
  std::map<std::string, size_t> counts() const;

  static std::string normaliseAudience(std::string audience);  // drops one trailing '/'

 private:
  std::string tenant_;
  std::string issuerHost_;
  std::string key_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, TokenInfo> tokens_;
  std::map<std::string, size_t> counts_;
  size_t total_ = 0;
};

}  // namespace azureml_emulator
