#include "arm/http/RetryAfter.h"

#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

#include <cctype>
#include <string>

namespace aifoundry::arm {

namespace {

std::optional<long long> parseNonNegative(const std::string& text) {
    std::size_t begin = text.find_first_not_of(" \t");
    std::size_t end = text.find_last_not_of(" \t");
    if (begin == std::string::npos) return std::nullopt;
    long long value = 0;
    for (std::size_t i = begin; i <= end; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
        value = value * 10 + (text[i] - '0');
        if (value > 86'400'000LL) return std::nullopt;  // more than a day: nonsense, ignore
    }
    return value;
}

std::optional<std::chrono::milliseconds> fromHttpDate(const std::string& text) {
    Poco::DateTime when;
    int tzd = 0;
    if (!Poco::DateTimeParser::tryParse(text, when, tzd)) return std::nullopt;
    const auto delta = when.timestamp() - Poco::Timestamp() - static_cast<Poco::Timestamp::TimeDiff>(tzd) * 1000000;
    return std::chrono::milliseconds(delta > 0 ? delta / 1000 : 0);
}

}  // namespace

std::optional<std::chrono::milliseconds> retryAfterFrom(const HttpHeaders& headers) {
    for (const char* name : {"retry-after-ms", "x-ms-retry-after-ms"}) {
        if (auto value = headers.get(name))
            if (auto ms = parseNonNegative(*value)) return std::chrono::milliseconds(*ms);
    }
    if (auto value = headers.get("Retry-After")) {
        if (auto seconds = parseNonNegative(*value)) return std::chrono::milliseconds(*seconds * 1000);
        return fromHttpDate(*value);
    }
    return std::nullopt;
}

}  // namespace aifoundry::arm
