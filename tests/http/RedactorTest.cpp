// Redactor: the last filter before a message or log line leaves the plugin. These cases pin the shapes it
// must hide (registered secrets, JWTs, bearer values) and the ordinary text it must leave alone.
#include <gtest/gtest.h>

#include "http/Redactor.h"

namespace aifoundry::http {
namespace {

TEST(Redactor, HidesARegisteredSecretOnlyWhileItsRegistrationLives) {
  const std::string secret = "s3cr3t-value-for-redactor";
  {
    auto registration = Redactor::registerSecret(secret);
    EXPECT_EQ(Redactor::redact("bad secret " + secret + " given"), "bad secret <redacted> given");
  }
  EXPECT_EQ(Redactor::redact("after " + secret), "after " + secret);
}

TEST(Redactor, HidesEveryJwtShapedRunButNotLookalikes) {
  const std::string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
  EXPECT_EQ(Redactor::redact("token=" + jwt + "; next " + jwt),
            "token=<redacted-token>; next <redacted-token>");
  EXPECT_EQ(Redactor::redact("unsigned " + std::string("eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.") + " end"),
            "unsigned <redacted-token> end");
  EXPECT_EQ(Redactor::redact("eyJust a word. and eyJ.x.y"), "eyJust a word. and eyJ.x.y");
}

TEST(Redactor, HidesBearerValuesAndKeepsTheWord) {
  EXPECT_EQ(Redactor::redact("Authorization: Bearer abc.def-123, next"),
            "Authorization: Bearer <redacted>, next");
  EXPECT_EQ(Redactor::redact("bearer  xyz;"), "bearer <redacted>;");
  EXPECT_EQ(Redactor::redact("\"Bearer t1\" and Bearer t2"), "\"Bearer <redacted>\" and Bearer <redacted>");
  EXPECT_EQ(Redactor::redact("a Bearer: no value, Bearer"), "a Bearer: no value, Bearer");
  EXPECT_EQ(Redactor::redact("the wayfarer's shearer said"), "the wayfarer's shearer said");
}

TEST(Redactor, OneLineFoldsBlanksAndCutsLongText) {
  EXPECT_EQ(oneLine("  a\n\tb \r\n c  "), "a b c");
  EXPECT_EQ(oneLine(std::string(10, 'x'), 4), "xxxx...");
}

}  // namespace
}  // namespace aifoundry::http
