#include <gtest/gtest.h>

#include <vector>

#include "CodedErrorOf.h"
#include "common/JsonText.h"
#include "common/JsonView.h"

namespace aifoundry::common {
namespace {

TEST(JsonView, AcceptsEveryKindOfValue) {
  const std::string text = R"( {"s":"x","n":-1.5e3,"t":true,"f":false,"z":null,"a":[1,[2]],"o":{"k":{}}} )";
  const JsonView v = JsonView::parse(text, "t");
  EXPECT_TRUE(v.isObject());
  EXPECT_EQ(v.member("s")->text(), "x");
  EXPECT_EQ(v.member("n")->raw(), "-1.5e3");
  EXPECT_EQ(v.member("n")->kind(), JsonView::Kind::Number);
  EXPECT_EQ(v.member("t")->kind(), JsonView::Kind::Bool);
  EXPECT_TRUE(v.member("z")->isNull());
  EXPECT_EQ(v.member("a")->raw(), "[1,[2]]");
  EXPECT_EQ(v.member("o")->raw(), R"({"k":{}})");
  EXPECT_EQ(v.size(), 7u);
  EXPECT_FALSE(v.member("missing"));
}

TEST(JsonView, RefusesInvalidJsonWithTheOffset) {
  for (const char* bad : {"", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"\\x\"", "\"a\nb\"",
                          "tru", "{} {}", "{'a':1}", "[1 2]", "\"\\u12g4\"", "{\"a\":1,}"}) {
    EXPECT_FALSE(JsonView::isValid(bad)) << bad;
    const auto e = test::errorOf([&] { JsonView::parse(bad, "The reply"); });
    EXPECT_EQ(e.code(), errc::InvalidJson) << bad;
    EXPECT_NE(std::string(e.what()).find("The reply is not valid JSON"), std::string::npos);
  }
}

// The validator skips plain string bytes a word at a time (JsonStringScan): the reason and the offset of an
// error inside or after a long string must stay exact.
TEST(JsonView, ErrorsInLongStringsNameTheExactByte) {
  const auto messageOf = [](const std::string& text) {
    return std::string(test::errorOf([&] { JsonView::parse(text, "The reply"); }).what());
  };
  EXPECT_EQ(messageOf("[\"0123456789abcdef\x01\"]"),
            "The reply is not valid JSON (control character inside a string at byte 18)");
  EXPECT_EQ(messageOf("[\"0123456789abcdef\\q\"]"),
            "The reply is not valid JSON (bad escape in a string at byte 19)");
  EXPECT_EQ(messageOf("[\"0123456789abcdef\\u12x4\"]"),
            "The reply is not valid JSON (bad \\u escape at byte 19)");
  EXPECT_EQ(messageOf("[\"0123456789abcdef\\\"gh"),
            "The reply is not valid JSON (unterminated string at byte 22)");
  EXPECT_EQ(messageOf("[\"0123456789abcdef\\"),
            "The reply is not valid JSON (unterminated string at byte 19)");
  EXPECT_TRUE(JsonView::isValid(R"(["0123456789abcdef\"\\\u00e9 \/ end", "\u0041"])"));
}

TEST(JsonView, DeepNestingIsValidatedWithoutRecursion) {
  const std::string deep = std::string(JsonView::kMaxDepth, '[') + std::string(JsonView::kMaxDepth, ']');
  EXPECT_TRUE(JsonView::isValid(deep));
  EXPECT_FALSE(JsonView::isValid(std::string(1000000, '[') + std::string(1000000, ']')));
  const std::string tooDeep =
      std::string(JsonView::kMaxDepth + 1, '[') + std::string(JsonView::kMaxDepth + 1, ']');
  EXPECT_FALSE(JsonView::isValid(tooDeep));
}

TEST(JsonView, DecodesStringEscapesIncludingSurrogatePairs) {
  EXPECT_EQ(decodeJsonString(R"("a\"b\\c\/d\n\t")"), "a\"b\\c/d\n\t");
  EXPECT_EQ(decodeJsonString(R"("\u00e9")"), "\xC3\xA9");
  EXPECT_EQ(decodeJsonString(R"("\ud83d\ude00")"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(decodeJsonString(R"("\ud83d")"), "\xEF\xBF\xBD");  // lone surrogate -> U+FFFD
  EXPECT_EQ(decodeJsonString(R"("plain")"), "plain");
  EXPECT_EQ(decodeJsonString(R"("\b\f\r\q")"), "\b\f\rq");       // an unknown letter stands for itself
  EXPECT_EQ(decodeJsonString(R"("\ude00x")"), "\xEF\xBF\xBDx");  // lone low surrogate -> U+FFFD
  EXPECT_EQ(decodeJsonString(R"("ab\u00")"), "ab?");             // truncated escape (unvalidated input)
}

TEST(JsonView, MemberKeysAreDecodedAndTheLastDuplicateWins) {
  const std::string text = R"({"caf\u00e9":1,"a":1,"a":2})";
  const JsonView v = JsonView::parse(text, "t");
  EXPECT_EQ(v.member("caf\xC3\xA9")->raw(), "1");
  EXPECT_EQ(v.member("a")->raw(), "2");
}

TEST(JsonView, WalksMembersAndElementsInDocumentOrder) {
  const std::string text = R"({ "z" : 1 , "a" : [ "x" , {"y":"]}"} ] })";
  std::vector<std::string> keys;
  JsonView::parse(text, "t").forEachMember([&](const std::string& k, JsonView) { keys.push_back(k); });
  EXPECT_EQ(keys, (std::vector<std::string>{"z", "a"}));
  std::vector<std::string> elements;
  JsonView::parse(text, "t").member("a")->forEachElement([&](JsonView e) { elements.emplace_back(e.raw()); });
  EXPECT_EQ(elements, (std::vector<std::string>{"\"x\"", R"({"y":"]}"})"}));
}

TEST(JsonText, QuotesControlCharactersAndKeepsUtf8) {
  EXPECT_EQ(jsontext::quoted("a\"b\\\n\x01\xC3\xA9"), "\"a\\\"b\\\\\\n\\u0001\xC3\xA9\"");
}

TEST(JsonText, QuotedSizeIsTheSizeOfTheQuotedTextForEveryByte) {
  std::string everyByte;
  for (int c = 0; c < 256; ++c) everyByte.push_back(static_cast<char>(c));
  for (const std::string& text :
       {std::string(), std::string("plain"), std::string("a\"b\\\n\x01\xC3\xA9"), everyByte})
    EXPECT_EQ(jsontext::quotedSize(text), jsontext::quoted(text).size()) << text.size();
}

TEST(JsonText, CompactKeepsTokensExactly) {
  EXPECT_EQ(jsontext::compact(" { \"a b\" : [ 1.0 , 1e5 , \"x \\\" y\" ] } "),
            R"({"a b":[1.0,1e5,"x \" y"]})");
}

}  // namespace
}  // namespace aifoundry::common
