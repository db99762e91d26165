// RecordingHost: a core::HostServices for tests that keeps every log line (to prove secrets never reach the
// log) and, when given a token function, offers the host's own identity (Polysync Service Principal).
// Thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/HostServices.h"

namespace aifoundry::pipeline_job::testing {

class RecordingHost final : public core::HostServices {
 public:
  using TokenFunction = std::function<std::string(const std::string& scope)>;

  explicit RecordingHost(TokenFunction tokens = {}) : tokens_(std::move(tokens)) {}

  bool logEnabled(core::LogLevel) const noexcept override { return true; }
  void log(core::LogLevel level, std::string_view text) const noexcept override;
  bool hasTokenProvider() const noexcept override { return static_cast<bool>(tokens_); }
  core::AccessToken tokenForScope(const std::string& scope, const std::string& tenantId) const override;

  std::vector<std::string> lines() const;
  std::string allText() const;  // every line, newline-separated
  std::vector<std::string> scopesAsked() const;

 private:
  TokenFunction tokens_;
  mutable std::mutex mutex_;
  mutable std::vector<std::string> lines_;
  mutable std::vector<std::string> scopes_;
};

}  // namespace aifoundry::pipeline_job::testing
