#include "TimeText.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace azureml_emulator::timetext {

int64_t nowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

static Poco::Timestamp toTimestamp(int64_t epochMillis) { return Poco::Timestamp(epochMillis * 1000); }

std::string iso8601(int64_t epochMillis) {
  return Poco::DateTimeFormatter::format(toTimestamp(epochMillis), "%Y-%m-%dT%H:%M:%S.%iZ");
}

std::string runHistory(int64_t epochMillis) {
  return Poco::DateTimeFormatter::format(toTimestamp(epochMillis), "%Y-%m-%dT%H:%M:%S.%i0000+00:00");
}

std::string httpDate(int64_t epochMillis) {
  return Poco::DateTimeFormatter::format(toTimestamp(epochMillis), Poco::DateTimeFormat::HTTP_FORMAT);
}

int64_t parseIso8601(const std::string& text) {
  int tz = 0;
  Poco::DateTime parsed;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, parsed, tz) &&
      !Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FORMAT, text, parsed, tz)) {
    throw std::invalid_argument("'" + text + "' is not an ISO 8601 time such as 2024-05-01T10:00:00Z");
  }
  parsed.makeUTC(tz);
  return parsed.timestamp().epochMicroseconds() / 1000;
}

}  // namespace azureml_emulator::timetext
