// HostLog: this layer's log lines, and the arm/ layer's, written through the host's log service.
// Lines name the operation, the run id and the x-ms-request-id; they never contain a secret (callers pass
// names and ids only; arm/ redacts its own lines before handing them over).
//
// Lifetime: keeps a reference to the host's services, which outlive every instance (core/HostServices.h).
// Thread-safe: the host's log may be called from any thread.
#pragma once

#include <string>
#include <string_view>

#include "core/HostServices.h"
#include "http/Log.h"

namespace aifoundry::pipeline_job {

class HostLog {
 public:
  explicit HostLog(const core::HostServices& host) : host_(&host) {}

  void debug(std::string_view text) const { write(core::LogLevel::Debug, text); }
  void info(std::string_view text) const { write(core::LogLevel::Info, text); }
  void warn(std::string_view text) const { write(core::LogLevel::Warn, text); }
  bool debugEnabled() const noexcept { return host_->logEnabled(core::LogLevel::Debug); }

  // A sink for arm/ and identity/ that forwards to the host at the matching level.
  http::LogSink sink() const;

 private:
  void write(core::LogLevel level, std::string_view text) const;
  const core::HostServices* host_;
};

}  // namespace aifoundry::pipeline_job
