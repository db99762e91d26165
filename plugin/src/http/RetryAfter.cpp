#include "http/RetryAfter.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <string>

namespace aifoundry::http {

namespace {

std::string trimmed(const std::string& text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// A run of digits (nothing else: no sign, no fraction), saturated at `cap` units instead of overflowing: a
// server that asks for a billion seconds has asked for "a long time", not for a number that wraps to zero.
std::optional<long long> digitsUpTo(const std::string& text, long long cap) {
  if (text.empty()) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    if (value < cap) value = value * 10 + (c - '0');
  }
  return value < cap ? value : cap;
}

// Only the three forms HTTP allows (RFC 9110: IMF-fixdate, RFC 850, asctime), all in GMT. Poco's parser
// skips what it does not expect ("-5", "soon" and plain digits parse as dates), so a date counts only when it
// reads back exactly as written.
std::optional<std::chrono::milliseconds> fromHttpDate(const std::string& text) {
  struct Form {
    const std::string& parse;
    const char* print;
  };
  const Form forms[] = {{Poco::DateTimeFormat::HTTP_FORMAT, "%w, %d %b %Y %H:%M:%S %Z"},
                        {Poco::DateTimeFormat::RFC850_FORMAT, "%W, %d-%b-%y %H:%M:%S %Z"},
                        {Poco::DateTimeFormat::ASCTIME_FORMAT, "%w %b %f %H:%M:%S %Y"}};
  for (const Form& form : forms) {
    Poco::DateTime when;
    int tzd = 0;
    if (!Poco::DateTimeParser::tryParse(form.parse, text, when, tzd) || tzd != 0) continue;
    if (Poco::icompare(Poco::DateTimeFormatter::format(when, form.print, Poco::DateTimeFormatter::UTC),
                       text) != 0)
      continue;
    const auto delta = when.timestamp() - Poco::Timestamp();
    if (delta <= 0) return std::chrono::milliseconds(0);
    return std::min<std::chrono::milliseconds>(std::chrono::milliseconds(delta / 1000), kMaxRetryAfter);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::milliseconds> retryAfterFrom(const HttpHeaders& headers) {
  for (const char* name : {"retry-after-ms", "x-ms-retry-after-ms"}) {
    if (auto value = headers.get(name))
      if (auto ms = digitsUpTo(trimmed(*value), kMaxRetryAfter.count()))
        return std::chrono::milliseconds(*ms);
  }
  if (auto value = headers.get("Retry-After")) {
    const std::string text = trimmed(*value);
    const long long maxSeconds = std::chrono::duration_cast<std::chrono::seconds>(kMaxRetryAfter).count();
    if (auto seconds = digitsUpTo(text, maxSeconds)) return std::chrono::milliseconds(*seconds * 1000);
    return fromHttpDate(text);
  }
  return std::nullopt;
}

}  // namespace aifoundry::http
