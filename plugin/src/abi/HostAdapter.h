// HostAdapter: core::HostServices over the host's psj_host table — logging and the token provider
// extension (PSJ_EXT_TOKEN_PROVIDER), each used only when the host's struct_size says it is there.
//
// Lifetime: built in init() (where it looks up the extension once, on the control thread) and destroyed in
// deinit(); the psj_host it reads stays valid in between. Threads: every method, any thread, concurrently.
#pragma once

#include "core/HostServices.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

class HostAdapter final : public core::HostServices {
 public:
  // `host` has passed negotiation (non-NULL, at least kHostMinimumSize bytes).
  explicit HostAdapter(const psj_host* host) noexcept;

  bool logEnabled(core::LogLevel level) const noexcept override;
  void log(core::LogLevel level, std::string_view text) const noexcept override;
  bool hasTokenProvider() const noexcept override { return getToken_ != nullptr; }
  core::AccessToken tokenForScope(const std::string& scope, const std::string& tenantId) const override;

 private:
  const psj_host* host_;
  decltype(psj_host::log_enabled) logEnabled_ = nullptr;
  decltype(psj_host::log) log_ = nullptr;
  decltype(psj_token_provider::get_token) getToken_ = nullptr;
};

}  // namespace aifoundry::abi
