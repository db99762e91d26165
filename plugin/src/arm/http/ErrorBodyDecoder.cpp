#include "arm/http/ErrorBodyDecoder.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cctype>

namespace aifoundry::arm {

namespace {

std::string firstLine(const std::string& text) {
    auto end = text.find_first_of("\r\n");
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string stringField(const Poco::JSON::Object::Ptr& object, const std::string& name) {
    if (!object || !object->has(name)) return {};
    auto value = object->get(name);
    return value.isString() ? value.extract<std::string>() : std::string();
}

}  // namespace

DecodedError decodeErrorBody(const std::string& body) {
    DecodedError decoded;
    if (body.empty() || body.find('{') == std::string::npos) return decoded;
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        auto parsed = parser.parse(body);
        root = parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (...) {
        return decoded;  // not JSON: the caller reports the status alone
    }
    if (!root) return decoded;
    if (auto error = root->getObject("error")) {  // ARM shape
        decoded.code = stringField(error, "code");
        decoded.message = firstLine(stringField(error, "message"));
        return decoded;
    }
    decoded.code = stringField(root, "error");  // Entra / managed identity shape
    decoded.message = firstLine(stringField(root, "error_description"));
    decoded.traceId = stringField(root, "trace_id");
    if (decoded.message.rfind("AADSTS", 0) == 0) {  // "AADSTS7000215: Invalid client secret..." -> the code
        std::size_t end = 6;
        while (end < decoded.message.size() && std::isdigit(static_cast<unsigned char>(decoded.message[end]))) ++end;
        if (end > 6) decoded.code = decoded.message.substr(0, end);
    }
    if (decoded.message.empty()) decoded.message = stringField(root, "message");
    return decoded;
}

}  // namespace aifoundry::arm
