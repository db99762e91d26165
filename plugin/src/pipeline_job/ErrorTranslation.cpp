#include "pipeline_job/ErrorTranslation.h"

#include <new>
#include <string>

#include "http/Redactor.h"

namespace aifoundry::pipeline_job {

using core::ErrorCode;

ErrorCode errorCodeFor(http::ErrorReason reason) noexcept {
  switch (reason) {
    case http::ErrorReason::Authentication:
      return ErrorCode::Authentication;
    case http::ErrorReason::Permission:
      return ErrorCode::Permission;
    // An untrusted or mismatched certificate does not heal by retrying: the CA Bundle Path or the endpoint
    // needs fixing, so it is a configuration error.
    case http::ErrorReason::Tls:
    case http::ErrorReason::InvalidSettings:
      return ErrorCode::InvalidSettings;
    case http::ErrorReason::NotFound:
      return ErrorCode::NotFound;
    case http::ErrorReason::Unavailable:
    case http::ErrorReason::Network:
      return ErrorCode::Unavailable;
    case http::ErrorReason::RateLimited:
      return ErrorCode::RateLimited;
    case http::ErrorReason::Timeout:
      return ErrorCode::Timeout;
    case http::ErrorReason::Interrupted:
      return ErrorCode::Interrupted;
    case http::ErrorReason::Rejected:
      return ErrorCode::Rejected;
  }
  return ErrorCode::Internal;
}

core::JobTypeError translate(const http::HttpError& error) {
  std::optional<std::int64_t> retryAfterMs;
  if (error.retryAfter()) retryAfterMs = static_cast<std::int64_t>(error.retryAfter()->count());
  const ErrorCode code = errorCodeFor(error.reason());
  if (!core::isRetryable(code)) retryAfterMs.reset();
  return core::JobTypeError(code, error.what(), retryAfterMs);
}

core::JobTypeError translate(const azureml::AzureMlError& error, ErrorCode invalidSetting) {
  namespace errc = azureml::errc;
  ErrorCode code = ErrorCode::InvalidArgument;
  const std::string& name = error.code();
  if (name == errc::InvalidSetting) {
    code = invalidSetting;
  } else if (name == errc::InvalidJson) {
    // A reply that is not the JSON Azure documents: a proxy page or a truncated body, usually transient.
    code = ErrorCode::Unavailable;
  }
  // Decoder errors may quote a reply, which may repeat a token or secret.
  return core::JobTypeError(code, http::Redactor::redact(name + ": " + error.what()));
}

void rethrowTranslated(ErrorCode invalidSetting) {
  try {
    throw;
  } catch (const core::JobTypeError&) {
    throw;
  } catch (const http::HttpError& e) {
    throw translate(e);
  } catch (const azureml::AzureMlError& e) {
    throw translate(e, invalidSetting);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw core::JobTypeError(ErrorCode::Internal, std::string("unexpected error: ") + e.what());
  } catch (...) {
    throw core::JobTypeError(ErrorCode::Internal, "unexpected error of unknown type");
  }
}

}  // namespace aifoundry::pipeline_job
