// ResponseErrorBuilder: turns a failed HTTP reply into one HttpError line:
//   "<operation>: HTTP 403 AuthorizationFailed: <Azure message> (x-ms-request-id: <id>). Hint: <what to do>"
// Pure; thread-safe. The Azure message is cut to one line and passed through the Redactor.
#pragma once

#include <string>

#include "http/HttpError.h"
#include "http/HttpMessage.h"

namespace aifoundry::http {

HttpError errorFromResponse(const HttpRequest& request, const HttpResponse& response);

// "GET https://host/path" without the query (queries carry paging tokens and ids, not needed to act).
std::string describeTarget(const std::string& method, const std::string& url);
// The request's operation, or describeTarget() when it has none.
std::string operationOf(const HttpRequest& request);

// A short suggestion for well-known Azure codes and statuses; empty when there is none.
std::string hintFor(int status, const std::string& azureCode);

}  // namespace aifoundry::http
