#include "arm/http/JsonResponsePolicy.h"

#include <Poco/String.h>

#include <algorithm>
#include <cstring>

#include "arm/http/HttpError.h"
#include "arm/http/ResponseErrorBuilder.h"

namespace aifoundry::arm {
namespace {

bool isWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The offset just past the string whose opening quote is at `open`, or npos when it never ends. memchr()
// finds the candidate quotes; a quote preceded by an odd run of backslashes is escaped.
std::size_t stringEnd(const std::string& text, std::size_t open) {
    std::size_t from = open + 1;
    while (from < text.size()) {
        const void* found = std::memchr(text.data() + from, '"', text.size() - from);
        if (!found) return std::string::npos;
        const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
        std::size_t slashes = 0;
        while (quote - slashes > from && text[quote - slashes - 1] == '\\') ++slashes;
        if (slashes % 2 == 0) return quote + 1;
        from = quote + 1;
    }
    return std::string::npos;
}

// A single pass over the body: strings (with escapes) are skipped, brackets must nest and close, and nothing
// but whitespace may follow the top-level value. That is what a proxy's page or a cut-off or spliced body
// fails. It does not check every token: the layer that reads the body validates it completely as it parses
// (azureml::JsonView), so validating here too — with Poco's DOM parser this cost ~25% of a poll's CPU, and
// even a tree-less Poco parse ~10% (measured with bench/) — bought nothing.
bool looksComplete(const std::string& text) {
    std::string open;    // the brackets still open
    bool done = false;   // the top-level object, array or string has ended
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isWs(c)) continue;
        if (done || c == '<') return false;  // text after the value; markup
        if (c == '"') {
            const std::size_t end = stringEnd(text, i);
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

}  // namespace

HttpResponse JsonResponsePolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
    HttpResponse response = next(request, control);
    if (!response.ok() || request.bodySink) return response;
    if (blank(response.body)) return response;
    const std::string type = Poco::toLower(response.headers.getOr("Content-Type", ""));
    HttpError::Details details;
    details.reason = ErrorReason::Network;
    details.httpStatus = response.status;
    details.requestId = response.headers.getOr("x-ms-request-id", "");
    if (!type.empty() && type.find("json") == std::string::npos)
        throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) + " with content type '" +
                            type.substr(0, 60) + "' instead of JSON (a proxy or gateway answered?)",
                        details);
    if (!looksComplete(response.body)) {
        throw HttpError(operationOf(request) + ": HTTP " + std::to_string(response.status) +
                            " with a body that is not valid JSON (" + std::to_string(response.body.size()) +
                            " bytes; truncated or garbled)",
                        details);
    }
    return response;
}

}  // namespace aifoundry::arm
