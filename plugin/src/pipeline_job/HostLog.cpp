#include "pipeline_job/HostLog.h"

#include "http/Redactor.h"

namespace aifoundry::pipeline_job {
namespace {

core::LogLevel levelOf(http::LogLevel level) {
  switch (level) {
    case http::LogLevel::Debug:
      return core::LogLevel::Debug;
    case http::LogLevel::Info:
      return core::LogLevel::Info;
    case http::LogLevel::Warning:
      return core::LogLevel::Warn;
    case http::LogLevel::Error:
      return core::LogLevel::Error;
  }
  return core::LogLevel::Info;
}

}  // namespace

void HostLog::write(core::LogLevel level, std::string_view text) const {
  if (!host_->logEnabled(level)) return;
  std::string line = "[AI Foundry Pipeline Job] ";
  line += text;
  // Lines quote replies (a job's error, a step's message): a server may repeat a token or secret there.
  host_->log(level, http::Redactor::redact(std::move(line)));
}

http::LogSink HostLog::sink() const {
  const core::HostServices* host = host_;
  // The host's "enabled?" check travels with the sink, so the http layer builds only lines someone reads.
  return http::LogSink(
      [host](http::LogLevel level, const std::string& text) { host->log(levelOf(level), text); },
      [host](http::LogLevel level) { return host->logEnabled(levelOf(level)); });
}

}  // namespace aifoundry::pipeline_job
