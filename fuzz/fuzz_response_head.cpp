// Fuzz target: parseResponseHead, the parser of every reply's status line and header fields (the bytes
// come straight from the network, before anything else has looked at them).
// Input: the bytes received so far, as they would sit at the front of a connection's receive buffer.
// Invariants: the only exception is ResponseHeadError, whose message is one line; a parsed head ends
// inside the input (length <= size), at a line feed, and has a three-digit status of at least 100, HTTP/1.0
// or 1.1, at most kMaxFields fields and no name with whitespace; parsing exactly that prefix again gives
// the same head (what follows the blank line never changes it), and every shorter prefix of it is
// incomplete (nullopt): neither refused nor a head of its own.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "FuzzCheck.h"
#include "http/ResponseHead.h"

using namespace aifoundry;

namespace {

// The parse, or nullopt with `refused` set when the parser threw ResponseHeadError.
std::optional<http::ResponseHead> parse(std::string_view bytes, bool& refused) {
  refused = false;
  try {
    return http::parseResponseHead(bytes);
  } catch (const http::ResponseHeadError& error) {
    FUZZ_CHECK(fuzz::isOneLine(error.what()), "a ResponseHeadError message is not one line");
    refused = true;
    return std::nullopt;
  }
}

bool sameHead(const http::ResponseHead& a, const http::ResponseHead& b) {
  return a.status == b.status && a.reason == b.reason && a.minorVersion == b.minorVersion &&
         a.length == b.length && a.headers.entries() == b.headers.entries();
}

void checkShape(const http::ResponseHead& head, std::string_view input) {
  FUZZ_CHECK(head.length > 0 && head.length <= input.size(), "head length outside the input");
  FUZZ_CHECK(head.length <= http::kMaxHeadBytes, "head longer than kMaxHeadBytes");
  FUZZ_CHECK(input[head.length - 1] == '\n', "the head does not end at a line feed");
  FUZZ_CHECK(head.status >= 100 && head.status <= 999, "status outside 100..999");
  FUZZ_CHECK(head.minorVersion == 0 || head.minorVersion == 1, "not HTTP/1.0 or 1.1");
  FUZZ_CHECK(head.headers.entries().size() <= http::kMaxFields, "more than kMaxFields fields");
  for (const auto& [name, value] : head.headers.entries()) {
    FUZZ_CHECK(!name.empty(), "an empty header name");
    FUZZ_CHECK(name.find_first_of(" \t\r\n:") == std::string::npos, "whitespace or a colon in a header name");
    FUZZ_CHECK(value.find_first_of("\r\n") == std::string::npos, "a line break in a header value");
    FUZZ_CHECK(
        value.empty() || (value.find_first_of(" \t") != 0 && value.find_last_of(" \t") != value.size() - 1),
        "an untrimmed header value");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  bool refused = false;
  const std::optional<http::ResponseHead> head = parse(input, refused);
  if (!head) return 0;
  checkShape(*head, input);

  bool again = false;
  const std::optional<http::ResponseHead> exact = parse(input.substr(0, head->length), again);
  FUZZ_CHECK(exact && sameHead(*head, *exact), "parsing the head's own bytes gave a different result");

  // The receive loop calls the parser on what has arrived so far: every proper prefix of a valid head must
  // be "incomplete", neither refused (a head split across receives would fail) nor a head of its own.
  // Checked on short heads only, to keep the target fast.
  if (head->length <= 512) {
    for (std::size_t n = 0; n < head->length; ++n) {
      const std::optional<http::ResponseHead> early = parse(input.substr(0, n), again);
      FUZZ_CHECK(!early, "a prefix of a head parsed as a complete head");
      FUZZ_CHECK(!again, "a prefix of a valid head was refused");
    }
  }
  return 0;
}
