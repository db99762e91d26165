#include <gtest/gtest.h>

#include <string>

#include "common/JsonStringScan.h"

namespace aifoundry::common::jsonscan {
namespace {

// The byte loop the word-at-a-time scan replaced: the reference it must agree with.
std::size_t naiveNextStop(const std::string& s, std::size_t i) {
  while (i < s.size() && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
  return i;
}

std::size_t naiveStringEnd(const std::string& s, std::size_t open) {
  for (std::size_t i = open + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '"') return i + 1;
  }
  return std::string::npos;
}

TEST(JsonStringScan, FindsTheClosingQuoteAcrossWordBoundaries) {
  EXPECT_EQ(stringEnd(R"("")", 0), 2u);
  EXPECT_EQ(stringEnd(R"("abcdefghijklmnopq",1)", 0), 19u);
  EXPECT_EQ(stringEnd(R"(x"abcdefg\"hijklmn\\"tail)", 1), 21u);  // \" is inside, \\ is not an escape of "
  EXPECT_EQ(stringEnd(R"("abcdefgh\\\"ijk")", 0), 17u);
  EXPECT_EQ(stringEnd(R"("never closed \")", 0), std::string::npos);
  EXPECT_EQ(stringEnd("\"ends in a backslash\\", 0), std::string::npos);
}

TEST(JsonStringScan, StopsAtTheFirstControlCharacterOnlyWhenAskedTo) {
  const std::string s = "0123456789\x01\"";
  EXPECT_EQ(nextQuoteBackslashOrControl(s, 0), 10u);
  EXPECT_EQ(stringEnd("\"0123456789\x01\"", 0), 13u);  // the shape check does not look at control bytes
  EXPECT_EQ(nextQuoteBackslashOrControl("0123456789 \x7f\xff\x80\xa0", 0), 15u);  // none: end of text
}

// Every position of every kind of stop byte among plain, space and high (UTF-8) bytes, at every start
// offset: the word test's borrows must never move the first stop it reports.
TEST(JsonStringScan, AgreesWithTheByteLoopEverywhere) {
  const char fillers[] = {'a', ' ', '\x7f', '\x80', '\xa0', '\xff', '!', '#'};
  const char stops[] = {'"', '\\', '\0', '\x1f', '\n'};
  for (char filler : fillers)
    for (char stop : stops)
      for (std::size_t at = 0; at < 24; ++at)
        for (std::size_t second = at; second < 26; second += 3) {
          std::string s(26, filler);
          s[at] = stop;
          s[second] = '\x01';
          for (std::size_t from = 0; from <= at; ++from) {
            ASSERT_EQ(nextQuoteBackslashOrControl(s, from), naiveNextStop(s, from))
                << "filler " << int(filler) << " stop " << int(stop) << " at " << at << " from " << from;
          }
          const std::string quoted = "\"" + s + "\"";
          ASSERT_EQ(stringEnd(quoted, 0), naiveStringEnd(quoted, 0));
        }
}

}  // namespace
}  // namespace aifoundry::common::jsonscan
