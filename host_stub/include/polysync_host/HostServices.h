// The psj_host table the host hands to every plugin's init(): logging to stderr and, as extension
// PSJ_EXT_TOKEN_PROVIDER, the host's own token. Every function in the table is thread-safe.
// The object must outlive every plugin it was handed to (until their deinit returned); it is not movable
// because the table points back at it.
#pragma once

#include <polysync/jobtype_v1/host.h>

#include <string>

#include "polysync_host/Logger.h"
#include "polysync_host/TokenSource.h"

namespace polysync::host {

class HostServices {
 public:
  HostServices(Logger& logger, TokenSource tokens);
  HostServices(const HostServices&) = delete;
  HostServices& operator=(const HostServices&) = delete;

  const psj_host* table() const { return &host_; }
  Logger& logger() const { return logger_; }
  const TokenSource& tokens() const { return tokens_; }

 private:
  static int32_t logEnabled(const psj_host* host, int32_t level);
  static void log(const psj_host* host, int32_t level, const char* message, uint64_t len);
  static const void* getExtension(const psj_host* host, const char* id);
  static int32_t getToken(const psj_host* host, const char* scope, const char* tenantId,
                          const psj_token_sink* sink, char* error, uint64_t errorCapacity);

  Logger& logger_;
  TokenSource tokens_;
  psj_host host_{};
  psj_token_provider tokenProvider_{};
};

// The host's version, as reported in psj_host.host_version.
const char* hostVersion();

}  // namespace polysync::host
