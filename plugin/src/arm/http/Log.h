// LogSink: where the http layer, identity/ and arm/ write diagnostic lines. The job-type layer forwards
// them to the host's log service. Lines are already redacted; the sink may be called from any thread.
#pragma once

#include <functional>
#include <string>

namespace aifoundry::arm {

enum class LogLevel { Debug, Info, Warning, Error };
using LogSink = std::function<void(LogLevel, const std::string&)>;

// Calls `sink` (when set) with the redacted text.
void log(const LogSink& sink, LogLevel level, const std::string& text);

}  // namespace aifoundry::arm
