// Token replies from Entra ID, IMDS or App Service that are deeply nested, huge, not UTF-8, full of NUL
// bytes, of the wrong types, or with expiry numbers at the ends of int64: a token or one http::HttpError,
// never undefined behaviour (UBSan runs these in CI), never a message that repeats the reply.
#include <gtest/gtest.h>

#include <atomic>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "http/HttpError.h"
#include "identity/CachingCredential.h"
#include "identity/TokenResponseParser.h"

namespace aifoundry::identity {
namespace {

constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// The refusal's text; a reply without a usable token is the issuer's fault: Unavailable (retried), never
// Authentication (which tells the user to fix credentials that are fine).
std::string refusal(const std::string& body) {
  try {
    parseTokenResponse(body, kNow, "Sign-in");
  } catch (const http::HttpError& e) {
    EXPECT_EQ(e.reason(), http::ErrorReason::Unavailable) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "accepted: " << body.substr(0, 80);
  return {};
}

TEST(HostileTokenReply, ExpiryNumbersAtTheEndsOfInt64Saturate) {
  EXPECT_EQ(parseTokenResponse(R"({"access_token":"t","expires_in":9223372036854775807})", kNow, "s")
                .expiresOnUnixS,
            kMax);
  EXPECT_EQ(parseTokenResponse(R"({"access_token":"t","expires_in":"-9223372036854775808"})", kNow, "s")
                .expiresOnUnixS,
            kMin + kNow);
  EXPECT_EQ(parseTokenResponse(R"({"access_token":"t","expires_on":"-9223372036854775808"})", kNow, "s")
                .expiresOnUnixS,
            kMin);
  const http::AccessToken refresh = parseTokenResponse(
      R"({"access_token":"t","expires_on":"1","refresh_in":"9223372036854775807"})", kNow, "s");
  EXPECT_EQ(refresh.refreshOnUnixS, kMax);
  EXPECT_EQ(refresh.expiresOnUnixS, 1);
  // Beyond int64, or not integers: as if absent, and a reply without an expiry is malformed.
  EXPECT_NE(refusal(R"({"access_token":"t","expires_in":1e300})").find("neither expires_in nor expires_on"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"access_token":"t","expires_in":"99999999999999999999"})").find("neither"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"access_token":"t","token_type":"Bearer"})").find("neither"), std::string::npos);
  EXPECT_NE(refusal(R"({"access_token":"","expires_in":1})").find("no access_token"), std::string::npos);
  EXPECT_NE(refusal("<html>busy</html>").find("not a JSON object"), std::string::npos);
}

TEST(HostileTokenReply, MalformedRepliesAreOneLineErrorsThatNeverEchoTheReply) {
  const std::string canary = "eyJ-canary-token-value";
  const std::vector<std::string> bodies = {
      std::string(200000, '['),
      R"({"access_token":")" + canary + R"(","x":)" + std::string(100000, '[') + std::string(100000, ']') +
          "}",
      R"({"access_token":")" + canary + R"(",)",  // truncated
      std::string(R"({"access_token":")") + canary + '\0' + R"("})",
      R"({"access_token":")" + canary + "\xff\xfe" + R"("})",
      R"({"access_token":[")" + canary + R"("],"expires_in":1})",
      R"({"access_token":{"v":")" + canary + R"("},"expires_in":1})",
      R"({"access_token":7,"expires_in":1})",
      R"({"access_token":"","expires_in":1})",
      R"({"access_token":")" + canary + R"(","expires_in":[1],"expires_on":{"a":1}})",
      "[]",
      "null",
      "\"" + canary + "\"",
      "",
      std::string(8u << 20, ' ') + "{",
  };
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    try {
      const http::AccessToken token = parseTokenResponse(bodies[i], kNow, "Sign-in");
      EXPECT_FALSE(token.token.empty());  // e.g. a NUL inside the token is the issuer's business
    } catch (const http::HttpError& e) {
      const std::string message = e.what();
      EXPECT_EQ(e.reason(), http::ErrorReason::Unavailable) << message;
      EXPECT_EQ(message.find(canary), std::string::npos) << "the error repeats the token";
      EXPECT_EQ(message.find_first_of("\r\n"), std::string::npos);
      EXPECT_LT(message.size(), 200u);
    }
  }
}

// An inner credential that hands out tokens with a fixed expiry and counts the requests.
class FixedExpiry : public http::TokenCredential {
 public:
  explicit FixedExpiry(std::int64_t expiresOn) : expiresOn_(expiresOn) {}
  http::AccessToken getToken(const http::TokenRequestContext&, const http::CallControl&) override {
    ++requests;
    return http::AccessToken{"token", expiresOn_, std::nullopt};
  }
  std::string describe() const override { return "fixed"; }
  std::atomic<int> requests{0};

 private:
  std::int64_t expiresOn_;
};

TEST(HostileTokenReply, TheCacheHandlesExpiriesAtTheEndsOfInt64) {
  TokenCacheOptions options;
  options.clock = [] { return kNow; };
  auto never = std::make_shared<FixedExpiry>(kMax);
  CachingCredential neverExpires(never, options);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(neverExpires.getToken("s", http::CallControl()).token, "token");
  EXPECT_EQ(never->requests.load(), 1) << "a token that never expires is fetched once";

  auto past = std::make_shared<FixedExpiry>(kMin);
  CachingCredential alwaysExpired(past, options);
  for (int i = 0; i < 3; ++i) (void)alwaysExpired.getToken("s", http::CallControl());
  EXPECT_EQ(past->requests.load(), 3) << "an expired token is never served from the cache";
}

}  // namespace
}  // namespace aifoundry::identity
