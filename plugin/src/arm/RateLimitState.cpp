#include "arm/RateLimitState.h"

#include <Poco/NumberParser.h>

#include <chrono>

namespace aifoundry::arm {

namespace {
void store(std::atomic<long>& target, const std::string* value) {
  int parsed = 0;
  if (value && Poco::NumberParser::tryParse(*value, parsed) && parsed >= 0) target.store(parsed);
}
std::optional<long> load(const std::atomic<long>& source) {
  const long value = source.load();
  return value < 0 ? std::nullopt : std::optional<long>(value);
}
}  // namespace

void RateLimitState::update(const http::HttpHeaders& headers) {
  store(reads_, headers.find("x-ms-ratelimit-remaining-subscription-reads"));
  store(writes_, headers.find("x-ms-ratelimit-remaining-subscription-writes"));
}

std::optional<long> RateLimitState::remainingReads() const { return load(reads_); }
std::optional<long> RateLimitState::remainingWrites() const { return load(writes_); }

void RateLimitState::noteThrottled(Plane plane, std::int64_t steadyMs) {
  (plane == Plane::ResourceManager ? armThrottledMs_ : dataThrottledMs_).store(steadyMs);
}

std::optional<std::int64_t> RateLimitState::lastThrottledMs(Plane plane) const {
  const std::int64_t value = (plane == Plane::ResourceManager ? armThrottledMs_ : dataThrottledMs_).load();
  return value < 0 ? std::nullopt : std::optional<std::int64_t>(value);
}

std::int64_t RateLimitState::steadyNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace aifoundry::arm
