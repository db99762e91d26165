// parseResponseHead, the pure parser of a reply's status line and header fields: what it accepts, that it
// waits (nullopt) for a head still arriving, and what it refuses as not HTTP/1.x; and HttpHeaders' lookups.
#include <gtest/gtest.h>

#include <string>

#include "http/ResponseHead.h"

using namespace aifoundry::http;
using namespace std::string_literals;

namespace {

ResponseHead parsed(const std::string& bytes) {
  const auto head = parseResponseHead(bytes);
  if (!head) {
    ADD_FAILURE() << "incomplete: " << bytes;
    return {};
  }
  return *head;
}

// The ResponseHeadError message for `bytes` ("" when it parses or is incomplete: a test failure).
std::string refusal(const std::string& bytes) {
  try {
    parseResponseHead(bytes);
  } catch (const ResponseHeadError& error) {
    return error.what();
  }
  ADD_FAILURE() << "accepted: " << bytes;
  return "";
}

const std::string kHead =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-ms-request-id: abc\r\nContent-Length: 2\r\n\r\n";

}  // namespace

TEST(ResponseHead, ParsesAnHttp11StatusLineAndFields) {
  const auto head = parsed(kHead);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.reason, "OK");
  EXPECT_EQ(head.minorVersion, 1);
  EXPECT_EQ(head.headers.entries().size(), 3u);
  EXPECT_EQ(head.headers.getOr("Content-Length", ""), "2");
  EXPECT_EQ(head.length, kHead.size());
}

TEST(ResponseHead, ParsesAnHttp10StatusLine) {
  const auto head = parsed("HTTP/1.0 404 Not Found\r\n\r\n");
  EXPECT_EQ(head.status, 404);
  EXPECT_EQ(head.minorVersion, 0);
  EXPECT_EQ(head.reason, "Not Found");
}

TEST(ResponseHead, AcceptsAnEmptyReasonWithOrWithoutTheSpaceAfterTheStatus) {
  const auto spaced = parsed("HTTP/1.1 204 \r\n\r\n");
  EXPECT_EQ(spaced.status, 204);
  EXPECT_EQ(spaced.reason, "");
  const auto bare = parsed("HTTP/1.1 204\r\n\r\n");
  EXPECT_EQ(bare.status, 204);
  EXPECT_EQ(bare.reason, "");
}

TEST(ResponseHead, KeepsAReasonWithSpacesWhole) {
  EXPECT_EQ(parsed("HTTP/1.1 503 Service Temporarily  Unavailable\r\n\r\n").reason,
            "Service Temporarily  Unavailable");
}

TEST(ResponseHead, RefusesAStatusFollowedByTextWithoutASpace) {
  EXPECT_FALSE(refusal("HTTP/1.1 200OK\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 2000 OK\r\n\r\n").empty());
}

TEST(ResponseHead, AcceptsLfOnlyLineEndings) {
  const std::string bytes = "HTTP/1.1 201 Created\nLocation: /x\nRetry-After: 3\n\n{}";
  const auto head = parsed(bytes);
  EXPECT_EQ(head.status, 201);
  EXPECT_EQ(head.reason, "Created");
  EXPECT_EQ(head.headers.getOr("location", ""), "/x");
  EXPECT_EQ(head.headers.getOr("retry-after", ""), "3");
  EXPECT_EQ(head.length, bytes.size() - 2);
}

TEST(ResponseHead, AcceptsMixedLineEndings) {
  const auto head = parsed("HTTP/1.1 200 OK\nA: 1\r\nB: 2\n\r\n");
  EXPECT_EQ(head.headers.getOr("A", ""), "1");
  EXPECT_EQ(head.headers.getOr("B", ""), "2");
}

TEST(ResponseHead, TrimsOptionalWhitespaceAroundValuesAndLooksNamesUpIgnoringCase) {
  const auto head =
      parsed("HTTP/1.1 200 OK\r\nX-Ms-Request-Id: \t id with inner  space \t\r\nEmpty:\r\nBlank:   \r\n\r\n");
  EXPECT_EQ(head.headers.getOr("x-ms-request-id", "?"), "id with inner  space");
  EXPECT_EQ(head.headers.getOr("X-MS-REQUEST-ID", "?"), "id with inner  space");
  EXPECT_EQ(head.headers.getOr("empty", "?"), "");
  EXPECT_EQ(head.headers.getOr("BLANK", "?"), "");
  EXPECT_EQ(head.headers.entries().front().first, "X-Ms-Request-Id");  // the name as sent
}

TEST(ResponseHead, KeepsRepeatedFieldsInOrder) {
  const auto head = parsed("HTTP/1.1 200 OK\r\nSet-Thing: a\r\nset-thing: b\r\n\r\n");
  ASSERT_EQ(head.headers.entries().size(), 2u);
  EXPECT_EQ(head.headers.getOr("Set-Thing", ""), "a");
  EXPECT_EQ(head.headers.entries()[1].second, "b");
}

TEST(ResponseHead, IsIncompleteForEveryPrefixOfAValidHead) {
  for (const std::string& head : {kHead, std::string("HTTP/1.0 200 OK\nA: b\n\n")}) {
    for (std::size_t n = 0; n < head.size(); ++n) {
      EXPECT_EQ(parseResponseHead(head.substr(0, n)), std::nullopt) << "prefix of " << n << " bytes";
    }
    EXPECT_NE(parseResponseHead(head), std::nullopt);
  }
}

TEST(ResponseHead, EndsExactlyAtTheBlankLineWhateverFollows) {
  const std::string body = "HTTP/1.1 200 OK\r\n\r\n{\"looks\": \"like a head\"}\r\n\r\n";
  const auto head = parsed(kHead + body);
  EXPECT_EQ(head.length, kHead.size());
  EXPECT_EQ(head.headers.entries().size(), 3u);
  EXPECT_EQ(parsed(kHead + "x").length, kHead.size());
}

TEST(ResponseHead, RefusesBytesThatCannotStartAStatusLineBeforeTheHeadEnds) {
  EXPECT_FALSE(refusal("<html>").empty());
  EXPECT_FALSE(refusal("\x15\x03\x03\x00\x02\x02\x46"s).empty());  // a TLS alert record
  EXPECT_FALSE(refusal("\x16\x03\x01").empty());                   // a TLS handshake record
  EXPECT_FALSE(refusal("HTTP/2 200").empty());
  EXPECT_FALSE(refusal("http/1.1 200 OK").empty());
  EXPECT_FALSE(refusal(" HTTP/1.1 200 OK").empty());
}

TEST(ResponseHead, RefusesStatusLinesThatAreNotHttp1x) {
  EXPECT_FALSE(refusal("HTTP/2 200 OK\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.2 200 OK\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1  200 OK\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 2x0 OK\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 -20 OK\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 099 Low\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 20\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1\r\n\r\n").empty());
  EXPECT_FALSE(refusal("\r\n\r\n").empty());
  EXPECT_FALSE(refusal("\n\n").empty());
}

TEST(ResponseHead, RefusesAFoldedHeaderLine) {
  EXPECT_NE(refusal("HTTP/1.1 200 OK\r\nA: one\r\n two\r\n\r\n").find("folded"), std::string::npos);
  EXPECT_NE(refusal("HTTP/1.1 200 OK\r\nA: one\r\n\ttwo\r\n\r\n").find("folded"), std::string::npos);
}

TEST(ResponseHead, RefusesAHeaderLineWithoutAColonOrAName) {
  EXPECT_FALSE(refusal("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 200 OK\r\n: no name\r\n\r\n").empty());
}

TEST(ResponseHead, RefusesWhitespaceInsideAHeaderName) {
  EXPECT_NE(refusal("HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\n").find("whitespace"), std::string::npos);
  EXPECT_NE(refusal("HTTP/1.1 200 OK\r\nContent Length: 2\r\n\r\n").find("whitespace"), std::string::npos);
}

TEST(ResponseHead, AcceptsUpToTheFieldLimitAndRefusesOneMore) {
  std::string fields;
  for (std::size_t i = 0; i < kMaxFields; ++i) fields += "F" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(parsed("HTTP/1.1 200 OK\r\n" + fields + "\r\n").headers.entries().size(), kMaxFields);
  EXPECT_NE(refusal("HTTP/1.1 200 OK\r\n" + fields + "One-More: v\r\n\r\n").find("too many"),
            std::string::npos);
}

TEST(ResponseHead, AcceptsAHeadOfExactlyTheSizeLimitAndRefusesALongerOne) {
  const std::string start = "HTTP/1.1 200 OK\r\nX-Big: ";
  const std::string end = "\r\n\r\n";
  const std::string exact = start + std::string(kMaxHeadBytes - start.size() - end.size(), 'v') + end;
  ASSERT_EQ(exact.size(), kMaxHeadBytes);
  EXPECT_EQ(parsed(exact).length, kMaxHeadBytes);
  const std::string longer = start + std::string(kMaxHeadBytes - start.size() - end.size() + 1, 'v') + end;
  EXPECT_NE(refusal(longer).find("64 KB"), std::string::npos);
}

TEST(ResponseHead, RefusesAnUnfinishedHeadOnceItReachesTheSizeLimit) {
  const std::string start = "HTTP/1.1 200 OK\r\nX-Big: ";
  const std::string almost = start + std::string(kMaxHeadBytes - start.size() - 1, 'v');
  EXPECT_EQ(parseResponseHead(almost), std::nullopt);  // refused at the limit, not before
  EXPECT_NE(refusal(almost + "v").find("64 KB"), std::string::npos);
}

TEST(ResponseHead, RefusesANulOrABareCarriageReturnInsideALine) {
  EXPECT_FALSE(refusal("HTTP/1.1 200 OK\r\nA: x\0y\r\n\r\n"s).empty());
  EXPECT_FALSE(refusal("HTTP/1.1 200 OK\r\nA: x\ry\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 200 O\rK\r\n\r\n").empty());
  EXPECT_FALSE(refusal("HTTP/1.1 200 OK\0\r\n\r\n"s).empty());
}

TEST(ResponseHead, RefusalMessagesDoNotEchoTheBytes) {
  const std::string secretish = "HTTP/1.1 200 OK\r\nAuthorization Bearer-eyJhbGciOi\r\n\r\n";
  const std::string message = refusal(secretish);
  EXPECT_EQ(message.find("eyJ"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

// The lookups every reply goes through: a name is found whatever its case (and only whole), the first of
// repeated fields answers, and set() replaces every field of that name.
TEST(HttpHeaders, NamesAreFoundWhateverTheirCaseAndTheFirstValueAnswers) {
  HttpHeaders headers;
  headers.add("X-Ms-Ratelimit-Remaining-Subscription-Reads", "11999");
  headers.add("x-ms-ratelimit-remaining-subscription-reads", "5");
  headers.add("Content-Type", "application/json");
  const std::string* reads = headers.find("x-ms-ratelimit-remaining-subscription-reads");
  ASSERT_NE(reads, nullptr);
  EXPECT_EQ(*reads, "11999");
  EXPECT_EQ(headers.get("CONTENT-TYPE"), std::optional<std::string>("application/json"));
  EXPECT_TRUE(headers.has("content-type"));
  EXPECT_EQ(headers.find("Content-Typ"), nullptr);
  EXPECT_FALSE(headers.has("Content-Types"));
  EXPECT_EQ(headers.get("Retry-After"), std::nullopt);
  EXPECT_EQ(headers.getOr("Retry-After", "-"), "-");
  headers.set("X-MS-RATELIMIT-REMAINING-SUBSCRIPTION-READS", "7");
  ASSERT_EQ(headers.entries().size(), 2u);
  EXPECT_EQ(headers.getOr("x-ms-ratelimit-remaining-subscription-reads", "-"), "7");
}
