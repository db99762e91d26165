// NullHostServices: a host that records nothing and has no identity. For unit tests of the layers below the
// ABI and for ManualCallContext's default; the real plugin always gets the host's services.
#pragma once

#include "core/HostServices.h"

namespace aifoundry::core {

class NullHostServices final : public HostServices {
 public:
  bool logEnabled(LogLevel) const noexcept override { return false; }
  void log(LogLevel, std::string_view) const noexcept override {}
  bool hasTokenProvider() const noexcept override { return false; }
  AccessToken tokenForScope(const std::string& scope, const std::string& tenantId) const override;

  // A process-wide instance (stateless, so sharing it is harmless).
  static const NullHostServices& instance() noexcept;
};

}  // namespace aifoundry::core
