#include "abi/HostAdapter.h"

#include <cstring>
#include <string>

#include "core/JobTypeError.h"

namespace aifoundry::abi {
namespace {

// Collects what the host's token provider hands back through psj_token_sink.set_token.
struct TokenReceiver {
  psj_token_sink sink{};
  core::AccessToken token;
  bool received = false;
  bool malformed = false;
};

void receiveToken(const psj_token_sink* sink, const char* token, std::uint64_t len, std::int64_t expiresOn) {
  // Runs inside the host's get_token: nothing may unwind into the host.
  try {
    auto* receiver = static_cast<TokenReceiver*>(sink->plugin_data);
    if (token == nullptr || len == 0) {
      receiver->malformed = true;
      return;
    }
    receiver->token.token = common::SecretString(std::string_view(token, static_cast<std::size_t>(len)));
    receiver->token.expiresOnUnixS = expiresOn;
    receiver->received = true;
  } catch (...) {
    static_cast<TokenReceiver*>(sink->plugin_data)->malformed = true;
  }
}

core::ErrorCode tokenErrorCode(std::int32_t status) {
  switch (status) {
    case PSJ_E_UNAVAILABLE:
      return core::ErrorCode::Unavailable;
    case PSJ_E_RATE_LIMITED:
      return core::ErrorCode::RateLimited;
    case PSJ_E_TIMEOUT:
      return core::ErrorCode::Timeout;
    case PSJ_E_INTERRUPTED:
      return core::ErrorCode::Interrupted;
    default:
      return core::ErrorCode::Authentication;
  }
}

}  // namespace

HostAdapter::HostAdapter(const psj_host* host) noexcept : host_(host) {
  if (PSJ_HAS(host, psj_host, log_enabled)) logEnabled_ = host->log_enabled;
  if (PSJ_HAS(host, psj_host, log)) log_ = host->log;
  if (PSJ_HAS(host, psj_host, get_extension) && host->get_extension != nullptr) {
    const auto* provider =
        static_cast<const psj_token_provider*>(host->get_extension(host, PSJ_EXT_TOKEN_PROVIDER));
    if (PSJ_HAS(provider, psj_token_provider, get_token)) getToken_ = provider->get_token;
  }
}

bool HostAdapter::logEnabled(core::LogLevel level) const noexcept {
  if (log_ == nullptr) return false;
  // A host without the check records everything it is given.
  return logEnabled_ == nullptr || logEnabled_(host_, static_cast<std::int32_t>(level)) != 0;
}

void HostAdapter::log(core::LogLevel level, std::string_view text) const noexcept {
  if (log_ != nullptr) log_(host_, static_cast<std::int32_t>(level), text.data(), text.size());
}

core::AccessToken HostAdapter::tokenForScope(const std::string& scope, const std::string& tenantId) const {
  if (getToken_ == nullptr) {
    throw core::JobTypeError(core::ErrorCode::Authentication,
                             "the host offers no token provider for 'Polysync Service Principal'; "
                             "choose another Authentication Method");
  }
  TokenReceiver receiver;
  receiver.sink.struct_size = sizeof(psj_token_sink);
  receiver.sink.plugin_data = &receiver;
  receiver.sink.set_token = &receiveToken;
  char error[512] = {};
  const std::int32_t status = getToken_(host_, scope.c_str(), tenantId.empty() ? nullptr : tenantId.c_str(),
                                        &receiver.sink, error, sizeof error);
  error[sizeof error - 1] = '\0';  // a host that forgot the terminator must not make us read past the buffer
  if (status == PSJ_OK && receiver.received && !receiver.malformed) return std::move(receiver.token);
  if (status == PSJ_OK) {
    throw core::JobTypeError(core::ErrorCode::Internal,
                             "the host's token provider reported success for scope '" + scope +
                                 "' without a usable token; report this to the host's maintainers");
  }
  const std::string reason = std::strlen(error) > 0 ? error : "no reason given";
  throw core::JobTypeError(tokenErrorCode(status),
                           "the host could not provide a token for scope '" + scope + "': " + reason);
}

}  // namespace aifoundry::abi
