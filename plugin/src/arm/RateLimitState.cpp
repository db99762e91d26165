#include "arm/RateLimitState.h"

#include <Poco/NumberParser.h>

namespace aifoundry::arm {

namespace {
void store(std::atomic<long>& target, const std::optional<std::string>& value) {
    int parsed = 0;
    if (value && Poco::NumberParser::tryParse(*value, parsed) && parsed >= 0) target.store(parsed);
}
std::optional<long> load(const std::atomic<long>& source) {
    const long value = source.load();
    return value < 0 ? std::nullopt : std::optional<long>(value);
}
}  // namespace

void RateLimitState::update(const http::HttpHeaders& headers) {
    store(reads_, headers.get("x-ms-ratelimit-remaining-subscription-reads"));
    store(writes_, headers.get("x-ms-ratelimit-remaining-subscription-writes"));
}

std::optional<long> RateLimitState::remainingReads() const { return load(reads_); }
std::optional<long> RateLimitState::remainingWrites() const { return load(writes_); }

}  // namespace aifoundry::arm
