// ErrorTranslation: the lower layers' exceptions -> core::JobTypeError, the only error the ABI layer
// understands. http::HttpError keeps its one-line message (operation, HTTP status, Azure code,
// x-ms-request-id, hint) and maps its reason to the Polysync code; azureml::AzureMlError keeps its message,
// prefixed with its Azure-style code (e.g. "InputNotFound: ...") so users find it in the troubleshooting
// guide. Pure functions; thread-safe.
#pragma once

#include "azureml/AzureMlError.h"
#include "core/JobTypeError.h"
#include "http/HttpError.h"

namespace aifoundry::pipeline_job {

core::ErrorCode errorCodeFor(http::ErrorReason reason) noexcept;
core::JobTypeError translate(const http::HttpError& error);
// `invalidSetting` is the code an AzureMlError(InvalidSetting) becomes: InvalidSettings for connection
// settings, InvalidArgument for a job attribute (the compute override).
core::JobTypeError translate(const azureml::AzureMlError& error,
                             core::ErrorCode invalidSetting = core::ErrorCode::InvalidArgument);

// Call inside a catch(...) block: rethrows the exception in flight as a JobTypeError (JobTypeError itself
// passes unchanged; std::bad_alloc stays as is; anything else becomes Internal).
[[noreturn]] void rethrowTranslated(core::ErrorCode invalidSetting = core::ErrorCode::InvalidArgument);

}  // namespace aifoundry::pipeline_job
