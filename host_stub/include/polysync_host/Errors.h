// The three ways a host command fails, each a one-line message: what went wrong and what to do.
// Which exception is thrown decides the exit code and the JSON error code (see ExitCodes.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace polysync::host {

// The command line is wrong: bad or missing option, unknown command, unreadable input file. Exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A plugin or its manifest cannot be used: refused before any callback runs. Exit code 3.
class PluginLoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A plugin callback (or the host acting for it) failed with a polysync_jobtype_v1 status code. Exit code 1.
class OperationError : public std::runtime_error {
 public:
  OperationError(int32_t code, const std::string& message, std::optional<int64_t> retryAfterMs = std::nullopt)
      : std::runtime_error(message), code_(code), retryAfterMs_(retryAfterMs) {}
  int32_t code() const { return code_; }
  std::optional<int64_t> retryAfterMs() const { return retryAfterMs_; }

 private:
  int32_t code_;
  std::optional<int64_t> retryAfterMs_;
};

// `detail` (e.g. a parser's message, which may quote the offending byte of a file) made fit for a one-line
// error: control bytes become \xNN, and it is cut to `maxBytes`.
std::string oneLineDetail(const std::string& detail, std::size_t maxBytes = 200);

// The JSON name of a PSJ_E_* code ("RateLimited", "NotFound", ...). Codes this host does not know are
// classified by their band, as base.h asks: an unknown code is "Internal".
const char* errorCodeName(int32_t code);
// True for a PSJ_E_* code this host has a name for.
bool isKnownCode(int32_t code);
// True for a code inside one of the ABI's bands (1..99, 100..199, 200..299), known to this host or newer.
bool isBandedCode(int32_t code);
// errorCodeName for a known code, else "code N": what a contract-violation line shows.
std::string codeText(int32_t code);

}  // namespace polysync::host
