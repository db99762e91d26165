#include "arm/http/JsonResponsePolicy.h"

#include <Poco/Ascii.h>
#include <Poco/String.h>

#include <algorithm>

#include "arm/http/HttpError.h"
#include "arm/http/ResponseErrorBuilder.h"
#include "azureml/JsonStringScan.h"

namespace aifoundry::arm {
namespace {

bool isWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A single pass over the body: strings (with escapes) are skipped, brackets must nest and close, and nothing
// but whitespace may follow the top-level value. That is what a proxy's page or a cut-off or spliced body
// fails. It does not check every token: the layer that reads the body validates it completely as it parses
// (azureml::JsonView), so validating here too — with Poco's DOM parser this cost ~25% of a poll's CPU, and
// even a tree-less Poco parse ~10% (measured with bench/) — bought nothing.
bool looksComplete(const std::string& text) {
    std::string open;    // the brackets still open (a std::string: no allocation below 16 levels)
    bool done = false;   // the top-level object, array or string has ended
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isWs(c)) continue;
        if (done || c == '<') return false;  // text after the value; markup
        if (c == '"') {
            // A word at a time (azureml/JsonStringScan.h): strings are most of a reply's bytes.
            const std::size_t end = azureml::jsonscan::stringEnd(text, i);
            if (end == std::string::npos) return false;
            i = end - 1;
            done = open.empty();
        } else if (c == '{' || c == '[') {
            open.push_back(c);
        } else if (c == '}' || c == ']') {
            if (open.empty() || open.back() != (c == '}' ? '{' : '[')) return false;
            open.pop_back();
            done = open.empty();
        }
    }
    return open.empty();
}

bool blank(const std::string& text) { return std::all_of(text.begin(), text.end(), isWs); }

// The first header of that name (as HttpHeaders::get), without copying its value: this runs on every reply.
const std::string* headerOf(const HttpHeaders& headers, const std::string& name) {
    for (const auto& entry : headers.entries())
        if (equalsIgnoreCase(entry.first, name)) return &entry.second;
    return nullptr;
}

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
    static const std::string kContentType = "Content-Type";
    const std::string* type = headerOf(response.headers, kContentType);
    if (type && !type->empty() && !mentionsJson(*type))
        throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) + " with content type '" +
                            Poco::toLower(*type).substr(0, 60) + "' instead of JSON (a proxy or gateway answered?)",
                        detailsOf(response));
    if (!looksComplete(response.body)) {
        throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) +
                            " with a body that is not valid JSON (" + std::to_string(response.body.size()) +
                            " bytes; truncated or garbled)",
                        detailsOf(response));
    }
    return response;
}

}  // namespace aifoundry::arm
