// Fuzz target: the response headers that say how long to wait -> retryAfterFrom (retry-after-ms,
// x-ms-retry-after-ms, Retry-After as seconds or an HTTP date) and RateLimitState (x-ms-ratelimit-remaining-
// subscription-reads/-writes), then PollHint with the reads left.
// Input: header lines "Name: value" (LF or CRLF); a line "#poll <state> <age seconds>" picks PollHint's run
// state (0, 10, 20, 100, 101, 102) and age.
// Invariants: a wait is never negative; a millisecond header that is a plain decimal up to a day is taken
// exactly (retry-after-ms first), Retry-After in seconds likewise when no millisecond header is usable;
// no header, no wait. Remaining reads/writes are never negative and a plain decimal is taken exactly; a
// missing or unreadable header leaves the last value. PollHint is 0 exactly for terminal states, at most
// 10 minutes, and fewer reads left never shorten it.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzCheck.h"
#include "arm/RateLimitState.h"
#include "azureml/PollHint.h"
#include "azureml/StatusDecoder.h"
#include "http/HttpHeaders.h"
#include "http/RetryAfter.h"

using namespace aifoundry;

namespace {

struct Input {
  http::HttpHeaders headers;
  azureml::RunState state = azureml::RunState::Running;
  std::int64_t ageSeconds = 0;
};

// A fixed-width decimal read that cannot overflow: up to 18 digits, optional leading '-'.
std::int64_t smallNumber(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::int64_t value = 0;
  for (std::size_t i = 0; i < text.size() && i < 18 && text[i] >= '0' && text[i] <= '9'; ++i)
    value = value * 10 + (text[i] - '0');
  return negative ? -value : value;
}

Input parse(std::string_view data) {
  Input in;
  while (!data.empty()) {
    const std::size_t end = data.find('\n');
    std::string_view line = data.substr(0, end);
    data = end == std::string_view::npos ? std::string_view() : data.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.rfind("#poll ", 0) == 0) {
      line.remove_prefix(6);
      const std::size_t space = line.find(' ');
      static const azureml::RunState kStates[] = {azureml::RunState::Unknown, azureml::RunState::Starting,
                                                  azureml::RunState::Running, azureml::RunState::Success,
                                                  azureml::RunState::Failed,  azureml::RunState::Cancelled};
      for (const azureml::RunState s : kStates)
        if (smallNumber(line.substr(0, space)) == static_cast<int>(s)) in.state = s;
      if (space != std::string_view::npos) in.ageSeconds = smallNumber(line.substr(space + 1));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    in.headers.add(std::string(line.substr(0, colon)), std::string(value));
  }
  return in;
}

// The value when `text` is a plain decimal (digits only, 1..9 of them) not above `limit`.
std::optional<long long> plainDecimal(const std::optional<std::string>& text, long long limit) {
  if (!text || text->empty() || text->size() > 9) return std::nullopt;
  long long value = 0;
  for (const char c : *text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value <= limit ? std::optional<long long>(value) : std::nullopt;
}

// The first header of that name is the one read (HttpHeaders::get); nullopt when it is unusable.
std::optional<long long> usableMs(const http::HttpHeaders& headers, const char* name) {
  return plainDecimal(headers.get(name), 999'999'999LL);
}

// Any delay is capped at kMaxRetryAfter: a huge one is "a long time", never wrapped or read as zero.
long long capped(long long ms) { return std::min<long long>(ms, http::kMaxRetryAfter.count()); }

void checkRetryAfter(const http::HttpHeaders& headers) {
  const std::optional<std::chrono::milliseconds> wait = http::retryAfterFrom(headers);
  if (!headers.has("retry-after-ms") && !headers.has("x-ms-retry-after-ms") && !headers.has("Retry-After"))
    FUZZ_CHECK(!wait, "a wait without any Retry-After header");
  if (!wait) return;
  FUZZ_CHECK(wait->count() >= 0, "negative Retry-After wait");
  FUZZ_CHECK(*wait <= http::kMaxRetryAfter, "a Retry-After wait above the cap");
  const auto first = usableMs(headers, "retry-after-ms");
  const auto second = usableMs(headers, "x-ms-retry-after-ms");
  // A plain decimal is usable whatever its surrounding blanks; only blank-free values are predicted here.
  if (first) {
    FUZZ_CHECK(wait->count() == capped(*first), "retry-after-ms not taken exactly (capped)");
  } else if (!headers.has("retry-after-ms") && second) {
    FUZZ_CHECK(wait->count() == capped(*second), "x-ms-retry-after-ms not taken exactly (capped)");
  } else if (!headers.has("retry-after-ms") && !headers.has("x-ms-retry-after-ms")) {
    if (const auto seconds = plainDecimal(headers.get("Retry-After"), 999'999'999LL))
      FUZZ_CHECK(wait->count() == capped(*seconds * 1000), "Retry-After seconds not taken exactly (capped)");
  }
}

void checkRateLimits(const http::HttpHeaders& headers) {
  arm::RateLimitState state;
  http::HttpHeaders known;
  known.add("x-ms-ratelimit-remaining-subscription-reads", "77");
  known.add("x-ms-ratelimit-remaining-subscription-writes", "88");
  state.update(known);
  state.update(headers);
  const auto reads = state.remainingReads();
  const auto writes = state.remainingWrites();
  FUZZ_CHECK(reads && writes, "a known rate limit was forgotten");
  FUZZ_CHECK(*reads >= 0 && *reads <= INT_MAX && *writes >= 0 && *writes <= INT_MAX,
             "rate limit out of range");
  const auto check = [&](const char* name, long value, long before) {
    const std::optional<std::string> text = headers.get(name);
    if (!text) FUZZ_CHECK(value == before, std::string(name) + ": changed without the header");
    if (const auto exact = plainDecimal(text, INT_MAX))
      FUZZ_CHECK(value == *exact, std::string(name) + " not taken exactly");
  };
  check("x-ms-ratelimit-remaining-subscription-reads", *reads, 77);
  check("x-ms-ratelimit-remaining-subscription-writes", *writes, 88);
}

void checkPollHint(const Input& in, std::optional<long> reads) {
  const std::int64_t unknown = azureml::PollHint::nextDelayMs(in.state, in.ageSeconds);
  const std::optional<std::int64_t> left = reads ? std::optional<std::int64_t>(*reads) : std::nullopt;
  const std::int64_t delay = azureml::PollHint::nextDelayMs(in.state, in.ageSeconds, left);
  const bool terminal = azureml::StatusDecoder::isTerminal(in.state);
  FUZZ_CHECK(terminal == (delay == 0) && terminal == (unknown == 0),
             "PollHint is 0 other than for a terminal state");
  FUZZ_CHECK(delay >= 0 && delay <= 600'000, "PollHint beyond 10 minutes");
  FUZZ_CHECK(delay >= unknown, "a known read budget shortened the poll delay");
  if (left && *left > 0)
    FUZZ_CHECK(azureml::PollHint::nextDelayMs(in.state, in.ageSeconds, *left - 1) >= delay,
               "fewer reads left gave a shorter poll delay");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Input in = parse(std::string_view(reinterpret_cast<const char*>(data), size));
  checkRetryAfter(in.headers);
  checkRateLimits(in.headers);
  arm::RateLimitState state;
  state.update(in.headers);
  checkPollHint(in, state.remainingReads());
  return 0;
}
