// HostTokenCredential (`Authentication Method` = Polysync Service Principal): tokens come from the host's
// token provider (an ABI host service). The job-type layer adapts the ABI call into a HostTokenSource; this
// layer never sees the ABI. The source may block; it is called without locks held. Thread-safe when the
// source is.
#pragma once

#include <functional>
#include <string>

#include "http/TokenCredential.h"

namespace aifoundry::identity {

struct HostToken {
  std::string token;
  std::int64_t expiresOnUnixS = 0;
};

// Returns a token for (scope, tenant), or throws (any exception; its text must not contain the token).
using HostTokenSource = std::function<HostToken(const std::string& scope, const std::string& tenant)>;

class HostTokenCredential : public http::TokenCredential {
 public:
  explicit HostTokenCredential(HostTokenSource source, std::string tenant = {});
  http::AccessToken getToken(const http::TokenRequestContext& context,
                             const http::CallControl& control) override;
  using http::TokenCredential::getToken;
  std::string describe() const override { return "the Polysync service principal (host token provider)"; }

 private:
  HostTokenSource source_;
  std::string tenant_;
};

}  // namespace aifoundry::identity
