// The JSON writer keeps key order and always produces valid JSON text.
#include <gtest/gtest.h>

#include "polysync_host/JsonWriter.h"

namespace {

using polysync::host::jsonQuote;
using polysync::host::JsonWriter;

TEST(JsonWriter, WritesNestedDocumentsInOrder) {
  JsonWriter w;
  w.beginObject().key("b").value(int64_t{1}).key("a").beginArray().value(true).null().value("x").endArray();
  w.key("o").beginObject().endObject().key("n").value(std::optional<std::string>()).endObject();
  EXPECT_EQ(w.str(), R"({"b":1,"a":[true,null,"x"],"o":{},"n":null})");
}

TEST(JsonWriter, EscapesControlCharactersAndQuotes) {
  EXPECT_EQ(jsonQuote("a\"b\\c\nd\te\x01"), R"("a\"b\\c\nd\te\u0001")");
}

TEST(JsonWriter, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(jsonQuote("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
  EXPECT_EQ(jsonQuote("bad\xFF\xC3"), "\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(jsonQuote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a UTF-16 surrogate
}

}  // namespace
