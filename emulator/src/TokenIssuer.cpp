#include "TokenIssuer.h"

#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>

#include "Ids.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {
constexpr size_t kPruneEvery = 4096;  // drop expired tokens now and then, so long runs stay small
}

TokenIssuer::TokenIssuer(std::string tenant, std::string issuerHost)
    : tenant_(std::move(tenant)), issuerHost_(std::move(issuerHost)), key_(ids::randomHex(32)) {}

std::string TokenIssuer::normaliseAudience(std::string audience) {
  if (!audience.empty() && audience.back() == '/') audience.pop_back();
  return audience;
}

TokenIssuer::Issued TokenIssuer::issue(const std::string& audience, const std::string& clientId,
                                       const std::string& role, int lifetimeSeconds) {
  const int64_t now = timetext::nowMillis();
  const int64_t expires = now + static_cast<int64_t>(lifetimeSeconds) * 1000;
  Poco::JWT::Token token;
  token.setType("JWT");
  token.header().set("kid", std::string("azureml-emulator"));
  token.setAudience(audience);
  token.setIssuer("https://sts.windows.net/" + tenant_ + "/");
  token.setIssuedAt(Poco::Timestamp((now - 300'000) * 1000));
  token.setNotBefore(Poco::Timestamp((now - 300'000) * 1000));
  token.setExpiration(Poco::Timestamp(expires * 1000));
  token.setSubject(clientId);
  token.setId(ids::newGuid());
  token.payload().set("appid", clientId);
  token.payload().set("oid", ids::guidFromName("oid:" + clientId));
  token.payload().set("tid", tenant_);
  token.payload().set("idtyp", std::string("app"));
  token.payload().set("ver", std::string("1.0"));
  token.payload().set("emulator", issuerHost_);
  Poco::JWT::Signer signer(key_);
  std::string text = signer.sign(token, Poco::JWT::Signer::ALGO_HS256);

  std::unique_lock lock(mutex_);
  if (++total_ % kPruneEvery == 0) {
    for (auto it = tokens_.begin(); it != tokens_.end();)
      it = it->second.expiresAtMs < now ? tokens_.erase(it) : std::next(it);
  }
  tokens_[text] = TokenInfo{normaliseAudience(audience), clientId, role, expires};
  ++counts_[clientId];
  return Issued{std::move(text), expires};
}

std::optional<TokenInfo> TokenIssuer::lookup(const std::string& token) const {
  std::shared_lock lock(mutex_);
  auto it = tokens_.find(token);
  if (it == tokens_.end()) return std::nullopt;
  return it->second;
}

size_t TokenIssuer::issuedTo(const std::string& clientId) const {
  std::shared_lock lock(mutex_);
  auto it = counts_.find(clientId);
  return it == counts_.end() ? 0 : it->second;
}

size_t TokenIssuer::total() const {
  std::shared_lock lock(mutex_);
  return total_;
}

std::map<std::string, size_t> TokenIssuer::counts() const {
  std::shared_lock lock(mutex_);
  return counts_;
}

}  // namespace azureml_emulator
