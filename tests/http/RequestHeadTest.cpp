// formatRequestHead: the exact bytes of a request head, the framing fields the transport owns, and the
// refusal of names and values that could inject lines into the request.
#include <gtest/gtest.h>

#include <string>

#include "http/HttpError.h"
#include "http/RequestHead.h"

using namespace aifoundry::http;
using namespace std::string_literals;

namespace {

std::string format(const std::string& method, const std::string& target, const std::string& host,
                   const HttpHeaders& headers, std::optional<std::size_t> contentLength = std::nullopt) {
  std::string out = "left over from the previous request";
  formatRequestHead({method, target, host}, headers, contentLength, out);
  return out;
}

// The HttpError formatting throws (a test failure when it throws none).
HttpError refusalOf(const std::string& target, const HttpHeaders& headers) {
  try {
    format("GET", target, "example.com", headers);
  } catch (const HttpError& error) {
    return error;
  }
  ADD_FAILURE() << "formatted without a refusal";
  return HttpError("none", {});
}

HttpHeaders oneHeader(const std::string& name, const std::string& value) {
  HttpHeaders headers;
  headers.add(name, value);
  return headers;
}

}  // namespace

TEST(RequestHead, FormatsAGetExactly) {
  HttpHeaders headers;
  headers.add("Accept", "application/json");
  headers.add("x-ms-client-request-id", "1234");
  EXPECT_EQ(format("GET", "/subscriptions/s/jobs?api-version=2024-04-01", "management.azure.com", headers),
            "GET /subscriptions/s/jobs?api-version=2024-04-01 HTTP/1.1\r\n"
            "Host: management.azure.com\r\n"
            "Accept: application/json\r\n"
            "x-ms-client-request-id: 1234\r\n"
            "\r\n");
}

TEST(RequestHead, FormatsAPutWithItsContentLengthLast) {
  EXPECT_EQ(format("PUT", "/jobs/j", "127.0.0.1:8443", oneHeader("Content-Type", "application/json"), 17),
            "PUT /jobs/j HTTP/1.1\r\n"
            "Host: 127.0.0.1:8443\r\n"
            "Content-Type: application/json\r\n"
            "Content-Length: 17\r\n"
            "\r\n");
  EXPECT_EQ(format("POST", "/x", "h", {}, 0), "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
}

TEST(RequestHead, PassesTheHostValueThrough) {
  EXPECT_EQ(format("GET", "/", "[::1]:8080", {}), "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n");
}

TEST(RequestHead, DropsTheCallersFramingFields) {
  HttpHeaders headers;
  headers.add("host", "evil.example");
  headers.add("Content-Length", "999");
  headers.add("TRANSFER-ENCODING", "chunked");
  headers.add("Connection", "close");
  headers.add("Accept", "*/*");
  EXPECT_EQ(format("PUT", "/p", "good.example", headers, 3),
            "PUT /p HTTP/1.1\r\nHost: good.example\r\nAccept: */*\r\nContent-Length: 3\r\n\r\n");
}

TEST(RequestHead, KeepsATabInAValue) {
  EXPECT_EQ(format("GET", "/", "h", oneHeader("X-Tab", "a\tb")),
            "GET / HTTP/1.1\r\nHost: h\r\nX-Tab: a\tb\r\n\r\n");
}

TEST(RequestHead, RefusesControlCharactersInAValueWithoutEchoingIt) {
  for (const std::string& bad : {"ok\r\nX-Injected: 1"s, "ok\nX-Injected: 1"s, "ok\rsecret"s, "ok\0secret"s,
                                 "ok\x7fsecret"s, "ok\x01secret"s}) {
    const HttpError error = refusalOf("/", oneHeader("X-Attr", bad));
    EXPECT_EQ(error.reason(), ErrorReason::Rejected);
    const std::string message = error.what();
    EXPECT_NE(message.find("X-Attr"), std::string::npos) << message;  // which header, for the user
    EXPECT_EQ(message.find("secret"), std::string::npos) << message;
    EXPECT_EQ(message.find("Injected"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

// The value check reads eight bytes at a time over a long value (a bearer token): a bad byte is found at
// every offset of the words and of the tail, and tabs and bytes of 0x80 and above next to anything pass.
TEST(RequestHead, FindsAControlCharacterAtEveryOffsetOfALongValue) {
  const std::string plain(37, 'x');
  for (std::size_t at = 0; at < plain.size(); ++at) {
    for (int c = 0; c < 0x20; ++c) {
      if (c == '\t') continue;
      std::string value = plain;
      value[at] = static_cast<char>(c);
      EXPECT_EQ(refusalOf("/", oneHeader("X-Long", value)).reason(), ErrorReason::Rejected) << at << " " << c;
    }
    std::string del = plain;
    del[at] = '\x7f';
    EXPECT_EQ(refusalOf("/", oneHeader("X-Long", del)).reason(), ErrorReason::Rejected) << at;
    for (const char fine : {'\t', '\x80', '\xff', ' ', '~'}) {
      std::string value = plain;
      value[at] = fine;
      if (at + 1 < value.size()) value[at + 1] = '\t';
      EXPECT_NO_THROW(format("GET", "/", "h", oneHeader("X-Long", value))) << at << " " << int(fine);
    }
  }
}

TEST(RequestHead, RefusesANameThatIsNotAToken) {
  for (const std::string& name :
       {"Bad Name"s, "Bad:Name"s, ""s, "X\r\nInjected"s, "Caf\xc3\xa9"s, "(comment)"s}) {
    const HttpError error = refusalOf("/", oneHeader(name, "v"));
    EXPECT_EQ(error.reason(), ErrorReason::Rejected) << name;
    EXPECT_EQ(std::string(error.what()).find('\n'), std::string::npos) << error.what();
  }
  // Every token character RFC 9110 allows is accepted.
  EXPECT_NO_THROW(format("GET", "/", "h", oneHeader("!#$%&'*+-.^_`|~09azAZ", "v")));
}

TEST(RequestHead, RefusesATargetWithASpaceOrALineBreak) {
  for (const std::string& target : {"/a b"s, "/a\r\nHost: evil"s, "/a\nb"s, "/a\0b"s}) {
    const HttpError error = refusalOf(target, {});
    EXPECT_EQ(error.reason(), ErrorReason::Rejected);
    EXPECT_EQ(std::string(error.what()).find("evil"), std::string::npos) << error.what();
  }
}

TEST(RequestHead, RefusesAHostWithALineBreak) {
  std::string out;
  EXPECT_THROW(formatRequestHead({"GET"s, "/"s, "h\r\nX: y"s}, {}, std::nullopt, out), HttpError);
}
