#include "ArmAuthenticator.h"

#include <Poco/String.h>

#include "ArmError.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

Reply unauthorized(const EmulatorState& state, const std::string& code, const std::string& message,
                   const std::string& target, const std::string& challengeReason) {
  Reply reply = armError(401, code, message, target);
  reply.set("WWW-Authenticate", "Bearer authorization_uri=\"" + state.baseUrl + "/" + state.options.tenant +
                                    "\", error=\"invalid_token\", error_description=\"" + challengeReason +
                                    "\"");
  return reply;
}

}  // namespace

AuthOutcome authenticate(const EmulatorState& state, const Request& request, const std::string& headerName,
                         AudienceCheck audienceOk, const std::string& expectedAudiences) {
  const bool bearerHeader = Poco::icompare(headerName, "Authorization") == 0;
  const std::string target = bearerHeader ? "" : headerName;
  if (!request.headers.has(headerName)) {
    return unauthorized(state, "AuthenticationFailed",
                        "Authentication failed. The '" + headerName + "' header is missing.", target,
                        "The authentication failed because of missing '" + headerName + "' header.");
  }
  std::string token = request.header(headerName);
  if (bearerHeader) {
    if (token.size() < 7 || Poco::icompare(token.substr(0, 7), "Bearer ") != 0)
      return unauthorized(
          state, "AuthenticationFailed",
          "Authentication failed. The 'Authorization' header is provided in an invalid format.", target,
          "The authentication failed because of an invalid 'Authorization' header.");
    token = Poco::trim(token.substr(7));
  }
  auto info = state.tokens.lookup(token);
  if (!info)
    return unauthorized(
        state, "InvalidAuthenticationToken",
        "The access token is invalid" + std::string(bearerHeader ? "." : " (" + headerName + ")."), target,
        "The access token is invalid.");
  const int64_t now = timetext::nowMillis();
  if (info->expiresAtMs <= now)
    return unauthorized(state, "ExpiredAuthenticationToken",
                        "The access token expiry UTC time '" + timetext::iso8601(info->expiresAtMs) +
                            "' is earlier than current UTC time '" + timetext::iso8601(now) + "'.",
                        target, "The access token has expired.");
  if (!(state.*audienceOk)(info->audience))
    return unauthorized(state, "InvalidAuthenticationTokenAudience",
                        "The access token has been obtained for wrong audience or resource '" +
                            info->audience + "'. It should exactly match with one of the allowed audiences " +
                            expectedAudiences + ".",
                        target, "The access token has been obtained for wrong audience or resource.");
  return *info;
}

}  // namespace azureml_emulator
