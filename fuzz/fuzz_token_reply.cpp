// Fuzz target: an access-token reply from Entra ID, IMDS or App Service -> identity::parseTokenResponse.
// Invariant: a token with a non-empty value, or http::HttpError with a one-line message of our own words that
// never repeats the reply (which may hold a token): "<operation>: the token (endpoint's) reply ...", short,
// and never Authentication (a malformed reply is the service's fault).
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzCheck.h"
#include "http/HttpError.h"
#include "identity/TokenResponseParser.h"

using namespace aifoundry;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  try {
    const http::AccessToken token = identity::parseTokenResponse(body, 1'700'000'000, "Sign-in");
    FUZZ_CHECK(!token.token.empty(), "accepted a reply without a token");
  } catch (const http::HttpError& e) {
    FUZZ_CHECK(fuzz::isOneLine(e.what()), std::string("error is not one line: ") + e.what());
    const std::string message = e.what();
    FUZZ_CHECK((message.rfind("Sign-in: the token reply ", 0) == 0 ||
                message.rfind("Sign-in: the token endpoint's reply ", 0) == 0) &&
                   message.size() < 160,
               "error is not one of the parser's own messages: " + message);
    // A malformed 2xx reply is the service's fault (retried), never the user's credentials.
    FUZZ_CHECK(e.reason() != http::ErrorReason::Authentication,
               "a malformed token reply blamed the credentials");
  }
  return 0;
}
