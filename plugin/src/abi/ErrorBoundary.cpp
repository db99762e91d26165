#include "abi/ErrorBoundary.h"

#include <exception>
#include <new>
#include <string>

#include "abi/CallContextAdapter.h"
#include "abi/CoreEnums.h"
#include "abi/PluginRuntime.h"
#include "core/JobTypeError.h"

namespace aifoundry::abi {
namespace {

constexpr const char kOutOfMemory[] = "the plugin ran out of memory; retry, and give the host more memory";
constexpr const char kUnknownException[] =
    "internal error: an unknown exception; report this as a plugin bug";

std::int32_t reportInternal(const psj_call_context* ctx, const char* what) noexcept {
  try {
    const std::string message = std::string("internal error: ") + what + "; report this as a plugin bug";
    PluginRuntime::logLine(core::LogLevel::Error, message);
    reportError(ctx, PSJ_E_INTERNAL, message);
  } catch (...) {
    reportError(ctx, PSJ_E_INTERNAL, what);
  }
  return PSJ_E_INTERNAL;
}

}  // namespace

std::int32_t reportCurrentException(const psj_call_context* ctx) noexcept {
  try {
    throw;
  } catch (const core::JobTypeError& error) {
    const auto code =
        static_cast<std::int32_t>(core::errorCodeFromNumber(static_cast<std::int32_t>(error.code())));
    reportError(ctx, code, error.message());
    if (error.retryAfterMs() && core::isRetryable(error.code())) reportRetryAfter(ctx, *error.retryAfterMs());
    return code;
  } catch (const std::bad_alloc&) {
    reportError(ctx, PSJ_E_INTERNAL, kOutOfMemory);
    return PSJ_E_INTERNAL;
  } catch (const std::exception& error) {
    return reportInternal(ctx, error.what());
  } catch (...) {
    reportError(ctx, PSJ_E_INTERNAL, kUnknownException);
    return PSJ_E_INTERNAL;
  }
}

}  // namespace aifoundry::abi
