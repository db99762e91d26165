#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "CodedErrorOf.h"
#include "common/JsonDocument.h"

namespace aifoundry::common {
namespace {

// Strings holding brackets and escaped quotes, empty containers, whitespace everywhere, arrays of objects,
// repeated keys: everything the skipping must get right.
const std::string kText = R"(
  { "id" : "/a/b[0]" , "properties": {
      "status": "Running", "empty": {}, "none": [ ],
      "inputs": {"x": {"value": "{\"not\": [\"an object\"]}"}, "y": {"value": "\\"}},
      "jobs": {"a": [1, {"b": [[], {}, [{"c": "]}"}]]}], "d": -1.5e3},
      "outputs": {"o": {"uri": "azureml://o"}}, "status": "Completed"
    },
    "list": [ {"k": 1}, [2, [3]], "s", true, null ],
    "systemData": {"createdAt": "2024-05-01T10:00:00Z"}
  }
)";

// Walks both views in step: same kinds, spans, keys and element counts at every level.
void expectSameTree(JsonView indexed, JsonView plain, const std::string& path) {
  ASSERT_EQ(indexed.kind(), plain.kind()) << path;
  ASSERT_EQ(indexed.raw(), plain.raw()) << path;
  if (indexed.isObject()) {
    std::vector<std::pair<std::string, JsonView>> a, b;
    indexed.forEachMember([&](const std::string& k, JsonView v) { a.emplace_back(k, v); });
    plain.forEachMember([&](const std::string& k, JsonView v) { b.emplace_back(k, v); });
    ASSERT_EQ(a.size(), b.size()) << path;
    for (std::size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i].first, b[i].first) << path;
      expectSameTree(a[i].second, b[i].second, path + "." + a[i].first);
    }
  }
  if (indexed.isArray()) {
    std::vector<JsonView> a, b;
    indexed.forEachElement([&](JsonView v) { a.push_back(v); });
    plain.forEachElement([&](JsonView v) { b.push_back(v); });
    ASSERT_EQ(a.size(), b.size()) << path;
    for (std::size_t i = 0; i < a.size(); ++i)
      expectSameTree(a[i], b[i], path + "[" + std::to_string(i) + "]");
  }
}

TEST(JsonDocument, ItsViewsAreTheSameAsAPlainParsesAtEveryLevel) {
  const JsonDocument document(kText, "t");
  expectSameTree(document.root(), JsonView::parse(kText, "t"), "$");
}

TEST(JsonDocument, MembersAreFoundThroughTheIndex) {
  const JsonDocument document(kText, "t");
  const JsonView properties = *document.root().member("properties");
  EXPECT_EQ(properties.member("status")->text(), "Completed");  // the last duplicate wins, as in JsonView
  EXPECT_EQ(properties.member("jobs")->member("d")->raw(), "-1.5e3");
  EXPECT_EQ(properties.member("inputs")->member("y")->member("value")->text(), "\\");
  EXPECT_EQ(properties.member("outputs")->raw(), R"({"o": {"uri": "azureml://o"}})");
  EXPECT_EQ(document.root().member("list")->size(), 5u);
  EXPECT_EQ(document.root().member("systemData")->member("createdAt")->text(), "2024-05-01T10:00:00Z");
}

TEST(JsonDocument, RefusesInvalidJsonWithTheSameMessageAsParse) {
  for (const char* bad : {"", "{", "{\"a\":}", "[1,]", "[{\"a\":[1,2}]", "\"a\nb\"", "{} {}", "[\"x\\q\"]"}) {
    const auto plain = test::errorOf([&] { JsonView::parse(bad, "The reply"); });
    const auto indexed = test::errorOf([&] { JsonDocument document(bad, "The reply"); });
    EXPECT_EQ(indexed.code(), errc::InvalidJson) << bad;
    EXPECT_EQ(std::string(indexed.what()), std::string(plain.what())) << bad;
  }
}

TEST(JsonDocument, ScalarAndEmptyRootsNeedNoIndex) {
  for (const char* text : {"  \"s\" ", "12", "{}", " [ ] ", "null"}) {
    const JsonDocument document(text, "t");
    EXPECT_EQ(document.root().raw(), JsonView::parse(text, "t").raw()) << text;
    EXPECT_EQ(document.root().size(), 0u) << text;
  }
}

}  // namespace
}  // namespace aifoundry::common
