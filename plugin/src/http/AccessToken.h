// AccessToken and TokenRequestContext: what a credential returns and what it is asked for.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace aifoundry::http {

struct AccessToken {
  std::string token;                           // secret: never log it
  std::int64_t expiresOnUnixS = 0;             // absolute expiry, seconds since the epoch
  std::optional<std::int64_t> refreshOnUnixS;  // from `refresh_in` when the issuer sent it
};

struct TokenRequestContext {
  std::string scope;   // e.g. "https://management.azure.com/.default"
  std::string tenant;  // empty: the credential's own tenant
};

// Seconds since the epoch; injectable so tests can move time.
using UnixClock = std::function<std::int64_t()>;
std::int64_t systemUnixNow();

}  // namespace aifoundry::http
