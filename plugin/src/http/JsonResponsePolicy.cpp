#include "http/JsonResponsePolicy.h"

#include <Poco/Ascii.h>
#include <Poco/String.h>

#include <algorithm>

#include "common/JsonShapeCheck.h"
#include "http/HttpError.h"
#include "http/ResponseErrorBuilder.h"

namespace aifoundry::http {
namespace {

bool isWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool blank(const std::string& text) { return std::all_of(text.begin(), text.end(), isWs); }

bool mentionsJson(const std::string& contentType) {
  static constexpr char kJson[] = "json";
  const auto found = std::search(contentType.begin(), contentType.end(), kJson, kJson + 4,
                                 [](char a, char b) { return Poco::Ascii::toLower(a) == b; });
  return found != contentType.end();
}

// Built only for a refused reply, so the common case copies no header.
HttpError::Details detailsOf(const HttpResponse& response) {
  HttpError::Details details;
  details.reason = ErrorReason::Network;
  details.httpStatus = response.status;
  details.requestId = response.headers.getOr("x-ms-request-id", "");
  return details;
}

}  // namespace

HttpResponse JsonResponsePolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
  HttpResponse response = next(request, control);
  if (!response.ok() || request.bodySink) return response;
  if (blank(response.body)) return response;
  // Not copied: this runs on every reply.
  const std::string* type = response.headers.find("Content-Type");
  if (type && !type->empty() && !mentionsJson(*type))
    throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) +
                        " with content type '" + Poco::toLower(*type).substr(0, 60) +
                        "' instead of JSON (a proxy or gateway answered?)",
                    detailsOf(response));
  // The shape only (common/JsonShapeCheck.h says what it checks): the layer that reads the body validates it
  // completely as it parses (common::JsonView), so a full parse here too would cost a large share of a
  // poll's CPU (bench/README.md) and buy nothing.
  if (!common::looksLikeCompleteJson(response.body)) {
    throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) +
                        " with a body that is not valid JSON (" + std::to_string(response.body.size()) +
                        " bytes; truncated or garbled)",
                    detailsOf(response));
  }
  return response;
}

}  // namespace aifoundry::http
