#include "arm/http/Redactor.h"

#include <cctype>
#include <set>
#include <mutex>
#include <regex>

namespace aifoundry::arm {

namespace {

struct Registry {
    std::mutex mutex;
    std::multiset<std::string> secrets;  // multiset: two credentials may hold the same value
};

Registry& registry() {
    static Registry instance;  // never destroyed before the last Registration (function-local static)
    return instance;
}

void replaceAll(std::string& text, const std::string& needle, const std::string& with) {
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + with.size()))
        text.replace(pos, needle.size(), with);
}

}  // namespace

Redactor::Registration Redactor::registerSecret(const std::string& secret) {
    if (secret.size() < 4) return nullptr;
    auto& reg = registry();
    {
        std::lock_guard<std::mutex> lock(reg.mutex);
        reg.secrets.insert(secret);
    }
    return Registration(static_cast<void*>(nullptr), [secret](void*) {
        auto& r = registry();
        std::lock_guard<std::mutex> lock(r.mutex);
        auto it = r.secrets.find(secret);
        if (it != r.secrets.end()) r.secrets.erase(it);
    });
}

std::string Redactor::redact(std::string text) {
    {
        auto& reg = registry();
        std::lock_guard<std::mutex> lock(reg.mutex);
        for (const auto& secret : reg.secrets) replaceAll(text, secret, "<redacted>");
    }
    static const std::regex jwt(R"(eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)");
    static const std::regex bearer(R"((Bearer|bearer)\s+[^\s,;"']+)");
    text = std::regex_replace(text, jwt, "<redacted-token>");
    text = std::regex_replace(text, bearer, "$1 <redacted>");
    return text;
}

std::string oneLine(const std::string& text, std::size_t maxLength) {
    std::string out;
    out.reserve(std::min(text.size(), maxLength + 3));
    bool space = false;
    for (char c : text) {
        const bool blank = std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c));
        if (blank) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
        if (out.size() >= maxLength) {
            out += "...";
            break;
        }
    }
    return out;
}

}  // namespace aifoundry::arm
