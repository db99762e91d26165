// HostServices: what the host offers the plugin — leveled logging and, when the host has one, its own
// identity (the "Polysync Service Principal" sign-in method).
//
// Lifetime: one object lives from the plugin's init() to its deinit(), longer than every job-type instance,
// so an instance may keep a reference it got from CallContext::host(). Threads: every method may be called
// from any thread, concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/SecretString.h"

namespace aifoundry::core {

// The ABI's PSJ_LOG_* numbers.
enum class LogLevel : std::int32_t { Trace = 0, Debug = 1, Info = 2, Warn = 3, Error = 4 };

struct AccessToken {
  common::SecretString token;
  std::int64_t expiresOnUnixS = 0;  // 0 = unknown: assume one hour
};

class HostServices {
 public:
  virtual ~HostServices() = default;

  // True when a message at `level` would be recorded; check it before building an expensive message.
  virtual bool logEnabled(LogLevel level) const noexcept = 0;
  // Records one line. Never pass a secret. Never throws.
  virtual void log(LogLevel level, std::string_view text) const noexcept = 0;

  // True when the host offers its own identity (tokenForScope can succeed).
  virtual bool hasTokenProvider() const noexcept = 0;
  // A token of the host's own identity for `scope` (e.g. "https://management.azure.com/.default");
  // `tenantId` may be empty. Blocks at most a few seconds. Throws JobTypeError: Authentication when sign-in
  // fails or the host has no identity to offer, Unavailable when the host cannot reach its identity provider.
  virtual AccessToken tokenForScope(const std::string& scope, const std::string& tenantId) const = 0;
};

}  // namespace aifoundry::core
