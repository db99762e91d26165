#include "polysync_host/HostServices.h"

#include <algorithm>
#include <cstring>

#include "polysync_host/ContractViolations.h"

#ifndef POLYSYNC_HOST_VERSION
#define POLYSYNC_HOST_VERSION "0.0.0"
#endif

namespace polysync::host {
namespace {

const HostServices* self(const psj_host* host) {
  return host ? static_cast<const HostServices*>(host->host_data) : nullptr;
}

void writeError(char* error, uint64_t capacity, const std::string& text) {
  if (!error || capacity == 0) return;
  const size_t n = std::min<uint64_t>(capacity - 1, text.size());
  std::memcpy(error, text.data(), n);
  error[n] = '\0';
}

}  // namespace

const char* hostVersion() { return POLYSYNC_HOST_VERSION; }

HostServices::HostServices(Logger& logger, TokenSource tokens) : logger_(logger), tokens_(std::move(tokens)) {
  host_.struct_size = sizeof(psj_host);
  host_.abi_minor = PSJ_ABI_MINOR;
  host_.host_name = "polysync-host-stub";
  host_.host_version = hostVersion();
  host_.host_data = this;
  host_.log_enabled = &HostServices::logEnabled;
  host_.log = &HostServices::log;
  host_.get_extension = &HostServices::getExtension;
  tokenProvider_.struct_size = sizeof(psj_token_provider);
  tokenProvider_.get_token = &HostServices::getToken;
}

int32_t HostServices::logEnabled(const psj_host* host, int32_t level) {
  const HostServices* s = self(host);
  return s && s->logger_.enabled(level) ? 1 : 0;
}

void HostServices::log(const psj_host* host, int32_t level, const char* message, uint64_t len) {
  const HostServices* s = self(host);
  if (!s) return;
  if (!message && len > 0) {
    reportContractViolation(s->logger_, "host->log called with a NULL message and a nonzero length");
    return;
  }
  s->logger_.log(level, std::string_view(message ? message : "", message ? len : 0), "plugin");
}

const void* HostServices::getExtension(const psj_host* host, const char* id) {
  const HostServices* s = self(host);
  if (!s || !id) return nullptr;
  if (std::strcmp(id, PSJ_EXT_TOKEN_PROVIDER) == 0) return &s->tokenProvider_;
  return nullptr;
}

int32_t HostServices::getToken(const psj_host* host, const char* scope, const char* tenantId,
                               const psj_token_sink* sink, char* error, uint64_t errorCapacity) {
  const HostServices* s = self(host);
  if (!s) return PSJ_E_INTERNAL;
  if (!scope || !*scope || !sink || !sink->set_token) {
    reportContractViolation(s->logger_, "get_token called without a scope or without a token sink");
    writeError(error, errorCapacity, "get_token needs a scope and a token sink");
    return PSJ_E_INVALID_ARGUMENT;
  }
  s->logger_.log(PSJ_LOG_DEBUG,
                 std::string("host token requested for scope ") + scope +
                     (tenantId ? std::string(" (tenant ") + tenantId + ")" : std::string()),
                 "host");
  std::string reason;
  const auto token = s->tokens_.read(scope, reason);
  if (!token) {
    writeError(error, errorCapacity, reason);
    return PSJ_E_AUTHENTICATION;
  }
  sink->set_token(sink, token->c_str(), token->size(), 0);
  return PSJ_OK;
}

}  // namespace polysync::host
