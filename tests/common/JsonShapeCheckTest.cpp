#include <gtest/gtest.h>

#include <random>
#include <string>

#include "common/JsonShapeCheck.h"

namespace aifoundry::common {
namespace {

// A reply shaped like a poll's: nested objects, escaped quotes and backslashes, brackets inside strings,
// long enough for several 64-byte blocks.
std::string aReply() {
  std::string job =
      R"({"id":"/subscriptions/s/jobs/run_1","name":"run_1","properties":{"status":"Running",)"
      R"("inputs":{"config":{"jobInputType":"literal","value":"{\"a\":[1,2],\"b\":\"\\\\\"}"}},)"
      R"("jobs":{"a":{"inputs":{"x":{"path":"${{parent.inputs.x}}"}},"list":[1,[2,{"c":"]}"}],{}]}},)"
      R"("services":{"Studio":{"endpoint":"https://ml.azure.com/runs/run_1?wsid=/x&tid=y"}},)"
      R"("tags":{"k":"<not markup>","e":"\\","q":"\""}},"systemData":{"createdAt":"2024"}})";
  return job;
}

TEST(JsonShapeCheck, AcceptsCompleteValuesAndRefusesWhatAProxyOrACutSends) {
  EXPECT_TRUE(looksLikeCompleteJson(aReply()));
  EXPECT_TRUE(looksLikeCompleteJson("  [1, {\"a\": \"}\"}]\r\n"));
  EXPECT_TRUE(looksLikeCompleteJson("\"just a string\""));
  EXPECT_FALSE(looksLikeCompleteJson("<html><body>Bad gateway</body></html>"));
  EXPECT_FALSE(looksLikeCompleteJson(aReply().substr(0, 100)));
  EXPECT_FALSE(looksLikeCompleteJson(aReply() + "{}"));
  EXPECT_FALSE(looksLikeCompleteJson("{\"a\": [1}"));
  EXPECT_FALSE(looksLikeCompleteJson("{\"a\": \"never closed}"));
  EXPECT_FALSE(looksLikeCompleteJson("{\"a\": 1} <"));
}

// The 64-byte path must answer exactly as the byte loop: for every cut of the reply, and for the reply with
// one byte replaced by each byte that matters, at every position (across block boundaries and escapes).
TEST(JsonShapeCheck, TheBlockPathAgreesWithTheByteLoopOnEveryCutAndEveryOneByteChange) {
  const std::string reply = aReply();
  for (std::size_t n = 0; n <= reply.size(); ++n) {
    const std::string cut = reply.substr(0, n);
    ASSERT_EQ(looksLikeCompleteJson(cut), looksLikeCompleteJsonBytewise(cut)) << "cut at " << n;
  }
  for (const char c : {'"', '\\', '{', '}', '[', ']', '<', ' ', 'x'}) {
    for (std::size_t at = 0; at < reply.size(); ++at) {
      std::string changed = reply;
      changed[at] = c;
      ASSERT_EQ(looksLikeCompleteJson(changed), looksLikeCompleteJsonBytewise(changed))
          << "byte " << at << " set to " << c;
    }
  }
}

// Random texts over the bytes that matter (fixed seed: the same texts on every run).
TEST(JsonShapeCheck, TheBlockPathAgreesWithTheByteLoopOnRandomTexts) {
  std::mt19937 random(7);
  for (int round = 0; round < 20000; ++round) {
    // Half without backslashes: one outside a string sends the text to the byte loop.
    const std::string alphabet = round % 2 ? "{}[]\"\\< \na:,1" : "{}[]\"\"< \na:,1";
    std::string text(1 + random() % 200, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    text[random() % 3] = random() % 2 ? '{' : '[';  // mostly a container at the top, as replies are
    ASSERT_EQ(looksLikeCompleteJson(text), looksLikeCompleteJsonBytewise(text)) << text;
  }
}

}  // namespace
}  // namespace aifoundry::common
